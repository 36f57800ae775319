import FluentKit
import Foundation
import Testing
import TsunaguCore

@testable import TsunaguServer

/// PostgreSQL going away mid-shift: the screen says saving is paused, shows the edit as not saved, keeps it, and
/// saves it by itself once the database is back, with no further input from the agent.
@Suite(.enabled(if: TestDatabase.isPostgres, "cuts a PostgreSQL database off"))
struct SavingPausedTests {
    static func header(_ probe: DeskProbe) -> [String: Any]? {
        probe.messages(ofType: "state").last?["desk"] as? [String: Any]
    }

    @Test(.timeLimit(.minutes(2))) func anEditMadeWhileTheDatabaseIsAwayIsSavedWhenItReturns() async throws {
        var url: DatabaseURL?
        try await withTestApp(configure: { url = $0.databaseURL }) { app, _ in
            let database = try #require(url)
            let fixture = try await DeskFixture.make(app, rows: 2)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let rows = await session.snapshot.rows
            #expect(Self.header(probe)?["savingPaused"] == nil)

            try await TestDatabase.setReachable(database, false)
            let refused = try await probe.send("editMemo", row: rows[0].id, text: "折り返し希望")
            #expect(refused["ok"] as? Bool == false)
            let paused = try await eventually("the screen to say saving is paused") {
                Self.header(probe)?["savingPaused"] as? String
            }
            #expect(paused == Label.deskSavingPaused.text.ja)
            let shown = try #require(probe.messages(ofType: "state").last?["rows"] as? [[String: Any]])
            let row = try #require(shown.first { $0["id"] as? String == rows[0].id.uuidString })
            #expect(row["memo"] as? String == "折り返し希望" && row["saved"] as? Bool == false)

            try await Task.sleep(for: .seconds(3))
            try await TestDatabase.setReachable(database, true)
            try await eventually("the edit to be saved without another input", seconds: 40) {
                try await fixture.scope.find(AgentWorkRow.self, id: rows[0].id)?.memo == "折り返し希望" ? true : nil
            }
            try await eventually("the screen to say it is saved") {
                Self.header(probe).map { $0["savingPaused"] == nil } == true ? true : nil
            }
            // The latest the screen heard of the row.
            let latest = probe.messages(ofType: "state").reversed().lazy.compactMap { state in
                (state["rows"] as? [[String: Any]])?.first { $0["id"] as? String == rows[0].id.uuidString }
            }.first
            #expect(latest?["saved"] as? Bool == true && latest?["memo"] as? String == "折り返し希望")
        }
    }
}
