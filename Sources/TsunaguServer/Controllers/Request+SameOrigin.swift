import Foundation
import Vapor

extension Request {
    /// A WebSocket may be opened only by the server's own pages (no cross-site WebSocket hijacking): the Origin's
    /// host and port must be the Host the request was sent to.
    func requireSameOrigin() throws {
        guard let origin = headers.first(name: .origin), let host = headers.first(name: .host),
            let originURL = URL(string: origin), let originHost = originURL.host
        else { throw Abort(.forbidden, reason: text(.csrfFailed)) }
        let originAuthority = originURL.port.map { "\(originHost):\($0)" } ?? originHost
        guard originAuthority.lowercased() == host.lowercased() else {
            logger.notice("refused a socket from origin \(origin) for host \(host)")
            throw Abort(.forbidden, reason: text(.csrfFailed))
        }
    }
}
