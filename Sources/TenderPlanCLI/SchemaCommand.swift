import ArgumentParser
import TenderPlanReports

/// `tenderplan schema`
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the scenario format, for editors that complete and check YAML.",
        discussion: """
        Save it next to your scenarios and point your editor at it. With the YAML language server (VS Code's YAML extension, and others), put this first line in a
        scenario:

          # yaml-language-server: $schema=tenderplan.schema.json

        The schema is generated from the same key tables the loader uses, so it accepts exactly the keys tenderplan accepts. It checks shapes and spellings; references between ids and the scheduling rules are checked by `tenderplan validate`.

        Example:
          tenderplan schema > Scenarios/tenderplan.schema.json
        """
    )

    func run() throws {
        writeStandardOutput(ScenarioSchema.render())
    }
}
