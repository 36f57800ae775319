import Foundation
import SQLKit

/// A UUID bound as the database stores it. SQLite holds UUIDs as their text, as Fluent writes them, and the text is
/// bound directly (the generic Encodable path costs more, and some of these binds are on the phone screens' commit
/// path). PostgreSQL holds them as `uuid`, which a text bind cannot be compared with.
package struct SQLUUIDBind: SQLExpression {
    let uuid: UUID

    package init(_ uuid: UUID) {
        self.uuid = uuid
    }

    package func serialize(to serializer: inout SQLSerializer) {
        if serializer.isPostgreSQL {
            serializer.write(bind: uuid)
        } else {
            serializer.write(bind: uuid.uuidString)
        }
    }
}

extension SQLQueryString {
    /// `\(uuid: id)`: one UUID, bound as the database stores it (`SQLUUIDBind`).
    mutating func appendInterpolation(uuid: UUID) {
        appendInterpolation(SQLUUIDBind(uuid))
    }

    /// `\(uuids: ids)`: UUIDs separated by commas, for `IN (…)`.
    mutating func appendInterpolation(uuids: [UUID]) {
        appendInterpolation(SQLList(uuids.map(SQLUUIDBind.init)))
    }
}
