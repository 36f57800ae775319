import FluentKit
import NIOCore
import SQLKit

/// Copies SQLite's write-ahead log into the database file in the background, four times a second, with a passive
/// checkpoint that never blocks the writer or the readers. The phone screens' writer still checkpoints by itself
/// every 1,000 pages (that is what lets the log start over instead of growing), but by then nearly every page is
/// already copied, so its checkpoint no longer adds tens of milliseconds to the agents' commits waiting behind it.
enum WALCheckpointer {
    static let interval = TimeAmount.milliseconds(250)

    static func task() -> BackgroundDatabaseTask {
        BackgroundDatabaseTask("WAL checkpoint", initialDelay: interval, interval: interval) { database in
            try await database.sql.raw("PRAGMA wal_checkpoint(PASSIVE)").run()
        }
    }
}
