import FluentKit
import Foundation
import TsunaguCore

/// 通話一覧 after a crash: calls left open by a server that stopped mid-call ended when it stopped, and their
/// outcome is unknown. (The phone screens write call attempts through `DeskChanges`.)
enum InterruptedCalls {
    static func close(on database: any Database, at date: Date) async throws -> Int {
        let open = try await CallAttempt.query(on: database).filter(\.$endedAt == nil).all()
        for attempt in open {
            attempt.endedAt = date
            if attempt.result == nil { attempt.result = attempt.answeredAt == nil ? .unanswered(.failed) : .answered }
            try await attempt.update(on: database)
        }
        return open.count
    }
}
