import TenderPlanCLI

await TenderPlanMain.run()
