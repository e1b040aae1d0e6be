/// One scenario with everything the engines computed for it: the input of reports and comparisons.
public struct ScenarioResults: Sendable {
    public var scenario: Scenario
    public var fitGap: FitGapResult
    public var plan: PlanResult
    public var costs: CostResult
    /// Nil when no risk simulation was run.
    public var risk: RiskResult?

    public init(scenario: Scenario, fitGap: FitGapResult, plan: PlanResult, costs: CostResult, risk: RiskResult?) {
        self.scenario = scenario
        self.fitGap = fitGap
        self.plan = plan
        self.costs = costs
        self.risk = risk
    }
}
