import Fluent
import Foundation
import Vapor

/// The pages' sessions, in Fluent's session table (`SessionRecord`), written through the phone screens' writer. On a
/// busy floor that writer holds SQLite's write lock nearly all the time, so a session written on the page's own
/// connection waited for it: a wall display polling the board each second waited up to a second whenever its session
/// changed. Through the writer the write joins the next group commit instead. Sessions are read on the page's own
/// connection, like everything else a page reads.
struct WriterSessions: AsyncSessionDriver {
    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = Self.newID()
        let record = SessionRecord(key: id, data: data)
        try await request.application.deskRegistry.writer.write { database in try await record.create(on: database) }
        return id
    }

    func readSession(_ sessionID: SessionID, for request: Request) async throws -> SessionData? {
        try await SessionRecord.query(on: request.db).filter(\.$key == sessionID).first()?.data
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        try await request.application.deskRegistry.writer.write { database in
            try await SessionRecord.query(on: database).filter(\.$key == sessionID).set(\.$data, to: data).update()
        }
        return sessionID
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) async throws {
        try await request.application.deskRegistry.writer.write { database in
            try await SessionRecord.query(on: database).filter(\.$key == sessionID).delete()
        }
    }

    /// 32 random bytes from the system's secure generator, as base64 (what the cookie carries).
    static func newID() -> SessionID {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return SessionID(string: Data(bytes).base64EncodedString())
    }
}
