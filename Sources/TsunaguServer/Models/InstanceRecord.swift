import FluentKit
import Foundation

/// A running tsunagu instance on the shared database: it heartbeats every 2 s; silent for 10 s, it is dead
/// (`InstanceTerms`). Instances belong to no tenant: this table is the servers' own, never read by a page.
final class InstanceRecord: Model, @unchecked Sendable {
    static let schema = "instances"

    @ID(key: .id) var id: UUID?
    /// Host and process, for the operator reading the logs.
    @Field(key: "name") var name: String
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "heartbeat_at") var heartbeatAt: Date

    init() {}
}
