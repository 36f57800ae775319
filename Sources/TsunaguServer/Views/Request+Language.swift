import TsunaguCore
import Vapor

extension Request {
    /// `?lang=` first (remembered in a cookie), then the cookie, then the browser's Accept-Language; Japanese by default.
    var language: Language {
        if let chosen = query[String.self, at: "lang"].flatMap(Language.init(rawValue:)) { return chosen }
        if let cookie = cookies["lang"]?.string, let saved = Language(rawValue: cookie) { return saved }
        return Language.preferred(fromAcceptLanguage: headers.first(name: .acceptLanguage))
    }
}

extension Response {
    /// Remembers a language picked with `?lang=` for the next pages.
    func rememberLanguage(of request: Request) {
        if let chosen = request.query[String.self, at: "lang"].flatMap(Language.init(rawValue:)) {
            cookies["lang"] = HTTPCookies.Value(
                string: chosen.rawValue, maxAge: 365 * 24 * 3600, isHTTPOnly: true, sameSite: .lax)
        }
    }
}
