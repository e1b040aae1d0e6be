/// The documented starter scenario that `tenderplan init` writes: every section of the format, small
/// enough to read in five minutes, valid and plannable as it is.
enum StarterScenario {
    static func text(language: String) -> String {
        """
        # yaml-language-server: $schema=tenderplan.schema.json
        # A TenderPlan scenario: one programme to buy and roll out a shared system.
        # Every figure below is an example; replace it with your own. The reference
        # for every key is Docs/FORMAT.md. Check your changes with:
        #   tenderplan validate scenario.yaml

        tenderplan: 1                     # format version (required)

        scenario:
          id: my-programme                # names the report folder; lower-case, digits, - and _
          title: "My programme"
          start: 2026-01-05               # nothing is scheduled earlier (required)
          base_year: 2026                 # amounts are in this year's money
          price_index: 2%                 # yearly indexation, for nominal figures
          discount_rate: 2.25%            # real discount rate for the net present value
          horizon: 2033                   # last year of the cost projection
          calendar: office                # default working-day calendar (see calendars)
          language: \(language)                    # report language: en or nl

        calendars:
          - id: office
            base: nl                      # Monday to Friday without Dutch public holidays
            holidays: [2026-12-24]        # extra days off
            freezes:                      # no go-live cutover may fall in these periods
              - {from: 2026-07-01, to: 2026-08-31, reason: "summer"}
              - {from: 2026-12-01, to: 2027-01-08, reason: "year end"}

        agencies:                         # who uses the system
          - {id: police, name: Police}
          - {id: fire, name: Fire service}

        sites:                            # where they work, with seats per agency
          - {id: north, name: North centre, city: Groningen, users: {police: 20, fire: 8}}
          - {id: south, name: South centre, city: Maastricht, users: {police: 15, fire: 6}}

        requirements:                     # what the system must do; priority is MoSCoW
          - {id: call-intake, title: "Call intake with caller location", area: intake, priority: must, weight: 8}
          - {id: unit-tracking, title: "Live vehicle locations", area: resources, priority: must}
          - {id: station-alerting, title: "Alerting of fire stations", area: alerting, priority: must, agencies: [fire]}
          - {id: dashboards, title: "Management dashboards", area: reporting, priority: could,
             priority_by_agency: {fire: should}}

        scoring:                          # optional; these are the defaults
          levels: {standard: 1.0, configuration: 0.8, customisation: 0.5, roadmap: 0.3, none: 0.0}
          weights: {must: 5, should: 3, could: 1, wont: 0}
          knockout: must                  # a must at level none disqualifies a product for that agency

        products:                         # candidates: coverage per requirement, and cost lines
          - id: product-a
            name: "Product A"
            vendor: "Vendor A"
            coverage:
              call-intake: standard
              unit-tracking: configuration
              station-alerting: {level: customisation, effort: 20d}   # 20 days of paid work
              dashboards: {level: roadmap, available: 2026-10-01}     # promised by the vendor
            costs:
              - {name: Licences, amount: 2000, per: user, every: year, from: contract, uncertainty: {low: -5%, high: 20%}}
              - {name: Implementation, amount: 300k, per: site, from: go_live}
              - {name: Customisation, amount: 1000, per: effort_day, from: contract}
          - id: product-b
            name: "Product B"
            coverage:
              call-intake: standard
              unit-tracking: standard
              station-alerting: none       # knocked out for fire
              dashboards: standard
            costs:
              - {name: Licences, amount: 1500, per: user, every: year, from: contract}
              - {name: Implementation, amount: 250k, per: site, from: go_live}

        tenders:
          - id: t-main
            title: "New system"
            procedure: open               # open, restricted, negotiated, competitive-dialogue, innovation-partnership
            agencies: [police, fire]
            candidates: [product-a, product-b]
            after: [market-consultation]
            phases: {evaluation: 40d}     # override a phase; legal minimum periods are enforced
            award: {method: bpkv, quality: 60%, price: 40%, contract_years: 8}
            deadline: 2027-03-31          # reported when missed, never moves anything

        legacy:                           # the system being replaced
          - id: old-system
            name: "Old system"
            planned_retirement: 2027-12-31        # what the budget assumed
            retire: {after: [last_go_live], plus: 1mo}
            costs:
              - {name: Maintenance, amount: 400k, every: year}
              - {name: Extended support, amount: 150k, every: year, after: planned_retirement}
            coexistence:                  # interfaces between the old system and each new product
              - {name: Interface, amount: 50k, per: product}
            decommission: {amount: 80k}

        go_lives:                         # preparation, then the cutover day, then hypercare
          - {id: gl-north, title: "North goes live", sites: [north], agencies: [police, fire], tender: t-main,
             after: [t-main.contract + 2mo], preparation: 40d, hypercare: 10d,
             estimate: {optimistic: 30d, likely: 40d, pessimistic: 70d}}
          - {id: gl-south, title: "South goes live", sites: [south], agencies: [police, fire], tender: t-main,
             after: [gl-north], preparation: 30d, hypercare: 10d}

        rollout:
          max_parallel: 1                 # go-lives in preparation or cutover at once
          min_gap: 10d                    # working days between two cutovers

        tasks:
          - {id: market-consultation, title: "Market consultation", duration: 2mo}
          - {id: board-decision, title: "Board decision", duration: 0d, after: [market-consultation]}

        benefits:                         # savings, kept apart from costs
          - {name: "Lower running costs", amount: 300k, every: year, from: last_go_live, ramp: 1y, target_from: 2027-06-01}

        risks:
          - id: r-migration
            title: "Data migration takes longer"
            probability: 30%
            delay: {task: gl-north, by: {optimistic: 5d, likely: 15d, pessimistic: 40d}}
            cost: {amount: 100k}

        """
    }
}
