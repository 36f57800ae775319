import TsunaguCore
import Vapor

extension Request {
    /// What the signed-in user may do; nobody signed in may do nothing.
    var permissions: Permissions? { signedIn?.permissions }

    /// Goes on only when the signed-in user has the permission; otherwise 403 with `refusal` in their language.
    func require(_ allows: (Permissions) -> Bool, otherwise refusal: Label) throws {
        guard let permissions, allows(permissions) else {
            logger.notice("refused \(method) \(url.path): \(refusal)")
            throw Abort(.forbidden, reason: text(refusal))
        }
    }
}
