import TsunaguCore
import Vapor

/// What every page template gets: language, labels, the menu's facts, the CSRF token, and the page's own content.
struct Page<Content: Encodable>: Encodable {
    struct Nav: Encodable {
        var tenantName: String
        var userName: String
        var isAdmin: Bool
        var canImport: Bool
    }

    var lang: String
    var otherLang: String
    var t: [String: String]
    var nav: Nav?
    var csrf: String
    var content: Content
}

extension Request {
    /// Renders a page in the request's language, with the signed-in user's menu.
    func renderPage<Content: Encodable>(_ template: String, _ content: Content, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let language = self.language
        let labels = UIText.labels(language)
        let nav = signedIn.map {
            Page<Content>.Nav(
                tenantName: $0.tenantName, userName: $0.name, isAdmin: $0.role == .admin,
                canImport: $0.role == .admin || $0.canCreateLists)
        }
        let page = Page(
            lang: language.rawValue, otherLang: language == .ja ? "en" : "ja", t: labels, nav: nav, csrf: csrfToken,
            content: content)
        let response = try await view.render(template, page).encodeResponse(for: self)
        response.status = status
        response.rememberLanguage(of: self)
        return response
    }

    /// A label in the request's language.
    func text(_ key: String) -> String {
        UIText.table[key]?.text(in: language) ?? key
    }
}
