import Foundation
import Testing
@testable import TenderPlanCore

@Suite struct LoaderTests {
    static let full = """
    tenderplan: 1
    scenario:
      id: demo
      title: "Demo"
      start: 2024-01-01
      base_year: 2024
      price_index: 2.5%
      discount_rate: 0.03
      horizon: 2030
      calendar: nl-mk
      language: nl
    calendars:
      - id: nl-mk
        base: nl
        holidays: [2025-12-24]
        freezes:
          - {from: 2024-12-01, to: 2025-01-07, reason: jaarwisseling}
    agencies:
      - {id: politie, name: Politie}
      - {id: ambulance}
    sites:
      - id: mk-nn
        name: Meldkamer Noord-Nederland
        city: Drachten
        users: {politie: 60, ambulance: 35}
    requirements:
      - id: r-112
        title: 112 intake
        area: intake
        priority: must
        weight: 5
        agencies: [politie, ambulance]
        priority_by_agency: {ambulance: should}
      - id: r-triage
        priority: could
    scoring:
      levels: {roadmap: 0.25}
      knockout: should
    products:
      - id: alpha
        name: Alpha CAD
        vendor: Alpha
        coverage:
          r-112: standard
          r-triage: {level: customisation, effort: 3w}
        costs:
          - {name: Licences, amount: 1800, per: user, every: year, from: contract, growth: 3%, uncertainty: {low: -10%, high: 40%}}
          - {name: Implementation, amount: 3M, per: site, from: go_live}
    tenders:
      - id: t-1
        procedure: competitive-dialogue
        agencies: [politie, ambulance]
        candidates: [alpha]
        after: [consult + 10d]
        phases: {dialogue: 4mo, standstill: 25cd}
        award: {method: bpkv, quality: 60%, price: 40%, contract_years: 10}
    legacy:
      - id: gms
        planned_retirement: 2026-12-31
        retire: {after: [last_go_live], plus: 3mo}
        costs:
          - {name: Beheer, amount: 7M, every: year, growth: 3%}
          - {name: Updates, amount: 4M, after: planned_retirement}
        coexistence:
          - {name: Koppeling, amount: 600k, per: product}
        decommission: {amount: 400k}
    go_lives:
      - id: gl-1
        sites: [mk-nn]
        agencies: [politie]
        tender: t-1
        after: ["t-1.contract + 4mo"]
        preparation: 60d
        hypercare: 20d
        estimate: {optimistic: 45d, likely: 60d, pessimistic: 120d, distribution: triangular}
    rollout: {max_parallel: 2, min_gap: 10d, order: earliest}
    tasks:
      - id: consult
        duration: 3mo
      - id: decision
        duration: 0d
        on: 2024-03-15
    benefits:
      - {name: Taakstelling, amount: 50M, every: year, from: last_go_live, ramp: 3y, target_from: 2021-01-01}
    risks:
      - id: r-vendor
        probability: 30%
        delay: {task: gl-1, by: {optimistic: 10d, likely: 20d, pessimistic: 60d}}
        cost: {amount: 500k}
    """

    @Test func loadsEverySection() throws {
        let result = check(Self.full)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
        let s = try #require(result.scenario)
        #expect(s.info.id == "demo" && s.info.title == "Demo" && s.info.start.iso == "2024-01-01")
        #expect(s.info.priceIndex == Decimal(string: "0.025")! && s.info.discountRate == Decimal(string: "0.03")!)
        #expect(s.info.horizon == 2030 && s.info.language == .nl && s.info.calendarId == "nl-mk")
        #expect(s.calendars[0].freezes[0].reason == "jaarwisseling" && s.calendars[0].holidays.map(\.iso) == ["2025-12-24"])
        #expect(s.agencies.map(\.name) == ["Politie", "ambulance"])
        #expect(s.sites[0].seats(of: "politie") == 60 && s.sites[0].seats(of: "kmar") == 0)
        #expect(s.requirements[0].priorityByAgency[0].priority == .should && s.requirements[1].priority == .could)
        #expect(s.requirements[0].weight == 5 && s.requirements[1].agencies == nil)
        #expect(s.scoring.levels[.roadmap] == Decimal(string: "0.25")! && s.scoring.levels[.standard] == 1 && s.scoring.knockout == .should)
        #expect(s.products[0].coverage[1].effort == PlanDuration(3, .workingWeeks))
        #expect(s.products[0].costs[0].per == .user && s.products[0].costs[0].every == .year && s.products[0].costs[0].from?.value == .contract)
        #expect(s.products[0].costs[0].uncertainty == Uncertainty(low: Decimal(string: "-0.1")!, high: Decimal(string: "0.4")!))
        #expect(s.products[0].costs[1].amount == 3_000_000)
        let tender = s.tenders[0]
        #expect(tender.procedure == .competitiveDialogue && tender.after[0].lag == PlanDuration(10, .workingDays))
        #expect(tender.phases.map(\.phase) == ["dialogue", "standstill"] && tender.award.contractYears == 10)
        #expect(tender.award.quality == Decimal(string: "0.6")! && tender.award.price == Decimal(string: "0.4")!)
        let gms = s.legacy[0]
        #expect(gms.plannedRetirement?.iso == "2026-12-31" && gms.decommission == 400_000)
        guard case .after(let refs, let plus) = gms.retire else { Issue.record("retire"); return }
        #expect(refs[0].target == "last_go_live" && plus == PlanDuration(3, .months))
        #expect(gms.costs[1].afterPlannedRetirement != nil && gms.coexistence[0].per == .product)
        let goLive = s.goLives[0]
        guard case .tender(let tenderRef)? = goLive.source else { Issue.record("source"); return }
        #expect(tenderRef.value == "t-1")
        #expect(goLive.after[0].part == "contract" && goLive.after[0].lag == PlanDuration(4, .months))
        #expect(goLive.hypercare == PlanDuration(20, .workingDays) && goLive.estimate?.distribution == .triangular)
        #expect(s.rollout == Rollout(maxParallel: 2, minGap: PlanDuration(10, .workingDays), order: .earliest))
        #expect(s.tasks[1].on?.value.iso == "2024-03-15" && s.tasks[1].duration?.isZero == true)
        #expect(s.benefits[0].ramp == PlanDuration(3, .years) && s.benefits[0].targetFrom?.iso == "2021-01-01")
        #expect(s.risks[0].probability == Decimal(string: "0.3")! && s.risks[0].cost == 500_000)
    }

    @Test func defaults() throws {
        let s = try #require(check("tenderplan: 1\nscenario: {id: x, start: 2025-03-01}\n").scenario)
        #expect(s.info.title == "x" && s.info.currency == "EUR" && s.info.baseYear == 2025 && s.info.horizon == 2035)
        #expect(s.info.priceIndex == 0 && s.info.discountRate == Decimal(string: "0.0225")! && s.info.calendarId == "nl" && s.info.language == .en)
        #expect(s.scoring == Scoring() && s.rollout == Rollout())
    }

    @Test func reportsEveryErrorInOneRunInLocationOrder() {
        let text = header + """
        sites:
          - id: s1
            users: {politei: 3}
            nmae: x
        tasks:
          - id: a
            duration: 3m
          - id: b
            duration: 1d
            after: [zz]
        """
        let errors = check(text).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.unknownReference, .unknownKey, .invalidDuration, .unknownReference])
        #expect(errors.map(\.location) == errors.map(\.location).sorted())
        #expect(errors.map(\.location.line) == [8, 9, 12, 15])
    }

    @Test func includesMergeInOrderAndKeepTheirLocations() throws {
        let main = header + "include: [a.yaml, b.yaml]\nsites:\n  - id: s0\n"
        let result = check(main, includes: [
            "a.yaml": "sites:\n  - id: s1\ninclude: [c.yaml]\n",
            "b.yaml": "sites:\n  - id: s3\n",
            "c.yaml": "sites:\n  - id: s2\n  - id: s4\n    users: {nobody: 1}\n",
        ])
        let s = try #require(result.scenario)
        #expect(s.sites.map(\.id.raw) == ["s0", "s1", "s2", "s4", "s3"])
        let error = try #require(result.diagnostics.first, "\(result.diagnostics)")
        #expect(error.location == SourceLocation(path: "c.yaml", line: 4, column: 13) && error.code == .unknownReference)
    }

    @Test func includedFilesHoldListsOnly() {
        let result = check(header + "include: [a.yaml]\n", includes: ["a.yaml": "scenario: {id: y}\n"])
        #expect(result.diagnostics.map(\.code) == [.unknownKey])
        #expect(result.diagnostics.first?.location.path == "a.yaml")
    }

    @Test func syntaxErrorInAnIncludeIsUnreadableAndLocatedThere() {
        let result = check(header + "include: [a.yaml]\n", includes: ["a.yaml": "sites: [a, b\n"])
        #expect(result.diagnostics.first?.code == .yamlSyntax && result.diagnostics.first?.location.path == "a.yaml")
    }

    @Test func aMisspeltIncludeGivesOneErrorNotOnePerReference() {
        // The products refer to requirements in the include; without it each reference would be unknown.
        let main = header + """
        include: [requirments.yaml]
        products:
          - {id: p1, coverage: {r1: standard, r2: roadmap}}
        tenders:
          - {id: t1, agencies: [politie], candidates: [p1], award: {method: lowest-price}}
        """
        let included = ["requirements.yaml": "requirements:\n  - {id: r1, priority: must}\n  - {id: r2}\n"]
        let missing = check(main, includes: included)
        #expect(missing.diagnostics.map(\.code) == [.includeNotFound])
        #expect(missing.isMissingIncludes && missing.plan == nil)
        // Spelt right, the same scenario is sound.
        let found = check(main.replacingOccurrences(of: "requirments", with: "requirements"), includes: included)
        #expect(found.diagnostics.filter { $0.severity == .error }.isEmpty && !found.isMissingIncludes && found.plan != nil)
        // Written without the list brackets, nothing is read either: one error, not one per reference.
        let unlisted = check(main.replacingOccurrences(of: "[requirments.yaml]", with: "requirements.yaml"), includes: included)
        #expect(unlisted.diagnostics.map(\.code) == [.wrongType] && unlisted.isMissingIncludes)
        // An include that is not YAML is missing too; its own error is reported there.
        let broken = check(main.replacingOccurrences(of: "requirments", with: "requirements"), includes: ["requirements.yaml": "requirements: [a, b\n"])
        #expect(broken.diagnostics.map(\.code) == [.yamlSyntax] && broken.diagnostics.first?.location.path == "requirements.yaml")
    }

    @Test func quotedKeysStayStrings() throws {
        // `on:` is the key "on", never a boolean, quoted or not.
        let s = try #require(check(header + "tasks:\n  - id: m\n    duration: 0d\n    \"on\": 2024-05-01\n").scenario)
        #expect(s.tasks[0].on?.value.iso == "2024-05-01")
    }
}

