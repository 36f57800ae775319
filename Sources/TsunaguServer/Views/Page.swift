import TsunaguCore
import Vapor

/// What every page template gets: language, labels, the menu's facts, the CSRF token, and the page's own content.
struct Page<Content: Encodable>: Encodable {
    /// The menu's facts: who is signed in, and the entries their permissions allow.
    struct Nav: Encodable {
        var tenantName: String
        var userName: String
        var canImport: Bool
        var canCreateLists: Bool
        var canManageUsers: Bool
        var canManageSettings: Bool
        var canManageDoNotCall: Bool
        var canViewFloor: Bool
        var canViewReports: Bool
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
        let labels = Label.all(in: language)
        let nav = signedIn.map {
            Page<Content>.Nav(
                tenantName: $0.tenantName, userName: $0.name, canImport: $0.permissions.canImport,
                canCreateLists: $0.permissions.canCreateLists, canManageUsers: $0.permissions.canManageUsers,
                canManageSettings: $0.permissions.canManageSettings,
                canManageDoNotCall: $0.permissions.canManageDoNotCall, canViewFloor: $0.permissions.canViewFloor,
                canViewReports: $0.permissions.canViewReports)
        }
        let page = Page(
            lang: language.rawValue, otherLang: language == .ja ? "en" : "ja", t: labels, nav: nav, csrf: csrfToken,
            content: content)
        let response = try await view.render(template, page).encodeResponse(for: self)
        response.status = status
        response.rememberLanguage(of: self)
        return response
    }

    /// A label of the catalog in the request's language.
    func text(_ label: Label) -> String { label.text(in: language) }

    /// A message of the catalog in the request's language.
    func text(_ message: Message) -> String { message.text(in: language) }
}
