import TsunaguCore
import Vapor

extension Request {
    /// The posted form. A body that cannot be read as one (a broken encoding, a wrong content type) is refused
    /// with 400 and a message in the user's language, and logged; missing fields are simply nil.
    func decodeForm<Form: Decodable>(_ type: Form.Type) throws -> Form {
        do {
            return try content.decode(Form.self)
        } catch {
            logger.notice("refused \(method) \(url.path): the form could not be read: \(error)")
            throw Abort(.badRequest, reason: text(.formUnreadable))
        }
    }
}
