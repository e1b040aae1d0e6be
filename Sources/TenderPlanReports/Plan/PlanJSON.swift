import TenderPlanCore

/// The plan output contract: items sorted by start, finish, id; dates as YYYY-MM-DD.
public enum PlanJSON {
    public static func render(_ scenario: Scenario, _ plan: PlanResult) -> String {
        let items: [JSONValue] = plan.ordered.map { item in
            .object([
                "id": .string(item.id),
                "title": .string(item.title),
                "kind": .string(item.kind.rawValue),
                "start": .string(item.start.iso),
                "finish": .string(item.finish.iso),
                "duration_days": .int(item.durationDays),
                "total_slack_days": .int(item.totalSlackDays),
                "critical": .bool(item.critical),
            ])
        }
        let late: [JSONValue] = plan.late.map { entry in
            .object(["id": .string(entry.item.id), "deadline": .string(entry.item.deadline!.iso),
                     "finish": .string(entry.item.finish.iso), "days_late": .int(entry.days)])
        }
        return JSONValue.object([
            "scenario": .string(scenario.info.id.raw),
            "finish": .string(plan.finish.iso),
            "last_go_live": .optional(plan.lastGoLive?.iso),
            "items": .array(items),
            "late": .array(late),
        ]).rendered()
    }
}
