import Foundation

/// The lease a phone-screen session holds on its agent (`AgentLease`): the instance and the fencing epoch every
/// write and every dial of the session carries. The writer stores a session's changes only while the database
/// still names this instance and this epoch.
struct DeskLease: Sendable, Equatable {
    var instance: UUID
    var epoch: Int64
}

/// The agent's session is served by another instance whose lease has not run out.
struct DeskHeldElsewhere: Error, Equatable {
    var until: Date
}

/// Changes of sessions whose lease the database no longer gives them: another instance took the agent over. None
/// of their changes were stored.
struct DeskLeaseLost: Error, Equatable {
    var agents: Set<UUID>
}
