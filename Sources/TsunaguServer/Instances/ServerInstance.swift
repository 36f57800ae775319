import Foundation

/// This process as one of the instances on the database: a new id at every start, so a restarted instance is a new
/// one and the old one's calls are settled as a dead instance's.
struct ServerInstance: Sendable {
    let id: UUID
    /// Host and process id, for the logs and the instances' table.
    let name: String

    static func starting() -> ServerInstance {
        let info = ProcessInfo.processInfo
        return ServerInstance(id: UUID(), name: "\(info.hostName) pid \(info.processIdentifier)")
    }
}
