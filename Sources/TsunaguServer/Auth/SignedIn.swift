import Foundation
import TsunaguCore
import Vapor

/// The user and tenant of the request's session.
struct SignedIn: Sendable {
    let userID: UUID
    let tenantID: UUID
    let loginID: String
    let name: String
    let role: User.Role
    let tenantName: String
    /// The tenant's settings as loaded for this request.
    let settings: TenantSettings
    /// What the user may do: asked by routes, the menu and templates alike.
    let permissions: Permissions
}

private struct SignedInKey: StorageKey {
    typealias Value = SignedIn
}

extension Request {
    var signedIn: SignedIn? {
        get { storage[SignedInKey.self] }
        set { storage[SignedInKey.self] = newValue }
    }

    /// The tenant scope of the signed-in user: every query of tenant data starts here.
    func tenantScope() throws -> TenantScope {
        guard let signedIn else { throw Abort(.unauthorized) }
        return TenantScope(tenantID: signedIn.tenantID, database: db)
    }
}

enum SessionKeys {
    static let userID = "uid"
    static let tenantID = "tid"
    static let csrf = "csrf"
    /// The user's session version at sign-in.
    static let version = "ver"
    /// Seconds since 1970 of the last request, for the idle sign-out.
    static let lastSeen = "seen"
    /// The uploaded customer file waiting for confirmation.
    static let pendingImport = "import"
}
