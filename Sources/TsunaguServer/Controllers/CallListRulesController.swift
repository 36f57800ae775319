import Fluent
import Foundation
import TsunaguCore
import Vapor

/// A call list's own rules (`CallListRules`): 商品・サービス and トークスクリプト (§16 氏名等の明示), a calling window
/// that narrows the tenant's, and retry rules of its own. For those who may hand lists out.
struct CallListRulesController: RouteCollection {
    struct Content: Encodable {
        var listID: String
        var listName: String
        var product: String
        var talkScript: String
        var placeholders: String
        var ownWindow: [SelectOption]
        var ownRetry: [SelectOption]
        var callingRules: CallingRulesForm
        var notice: String?
        var errors: [String]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("lists", ":listID", "rules", use: show)
        routes.post("lists", ":listID", "rules", use: save)
    }

    @Sendable func show(request: Request) async throws -> Response {
        try request.require({ $0.canDistributeLists }, otherwise: .importForbidden)
        let (list, tenant) = try await load(request)
        let notice = request.query[String.self, at: "saved"] != nil ? request.text(.settingsSaved) : nil
        return try await render(request, list: list, rules: list.rules, tenant: tenant, notice: notice, errors: [])
    }

    @Sendable func save(request: Request) async throws -> Response {
        try request.require({ $0.canDistributeLists }, otherwise: .importForbidden)
        let (list, tenant) = try await load(request)
        let form = try request.decodeForm([String: String].self)
        var rules = list.rules
        var problems: [LocalizedText] = []
        if let product = form["product"] {
            let trimmed = product.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.count > CallListRules.maximumProductLength {
                problems.append(Message.deskTextTooLong(maximum: CallListRules.maximumProductLength).text)
            } else {
                rules.product = trimmed
            }
        }
        if let script = form["talkScript"] {
            switch TalkScript.parse(script.replacingOccurrences(of: "\r\n", with: "\n")) {
            case .success(let parsed): rules.talkScript = parsed.text
            case .failure(let problem): problems.append(problem.explanation)
            }
        }
        // The window and retry fields are read as 設定's are, on a copy holding the list's current values.
        var holder = tenant.settings
        holder.callingWindow = rules.callingWindow ?? .always
        holder.retryPolicy = rules.retryPolicy ?? tenant.settings.retryPolicy
        problems += CallingRulesForm.apply(form, to: &holder)
        rules.callingWindow = form["ownWindow"] == "on" ? holder.callingWindow : nil
        rules.retryPolicy = form["ownRetry"] == "on" ? holder.retryPolicy : nil
        guard problems.isEmpty else {
            return try await render(
                request, list: list, rules: list.rules, tenant: tenant, notice: nil,
                errors: problems.map { $0.text(in: request.language) }, status: .badRequest)
        }
        list.rules = rules
        try await request.tenantScope().update(list)
        request.logger.info(
            "rules of list \(list.id?.uuidString ?? "?") changed by '\(request.signedIn?.loginID ?? "?")'")
        return request.redirect(to: "/lists/\(list.id!.uuidString)/rules?saved=1")
    }

    private func load(_ request: Request) async throws -> (CallList, Tenant) {
        let scope = try request.tenantScope()
        guard let listID = request.parameters.get("listID").flatMap(UUID.init(uuidString:)),
            let list = try await scope.find(CallList.self, id: listID),
            let tenant = try await Tenant.find(scope.tenantID, on: request.db)
        else { throw Abort(.notFound, reason: request.text(.notFound)) }
        return (list, tenant)
    }

    private func render(
        _ request: Request, list: CallList, rules: CallListRules, tenant: Tenant, notice: String?, errors: [String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let language = request.language
        var shown = tenant.settings
        shown.callingWindow = rules.callingWindow ?? tenant.settings.callingWindow
        shown.retryPolicy = rules.retryPolicy ?? tenant.settings.retryPolicy
        var form = CallingRulesForm(shown, language)
        form.alwaysOpenNote = nil
        func ownOrTenant(_ own: Bool, ownLabel: Label) -> [SelectOption] {
            [
                SelectOption(value: "off", label: request.text(.listRulesTenantsRules), selected: !own),
                SelectOption(value: "on", label: request.text(ownLabel), selected: own),
            ]
        }
        return try await request.renderPage(
            "list-rules",
            Content(
                listID: list.id!.uuidString, listName: list.name, product: rules.product, talkScript: rules.talkScript,
                placeholders: TalkScript.Placeholder.allCases.map { "{\($0.japanese)}" }.joined(separator: " "),
                ownWindow: ownOrTenant(rules.callingWindow != nil, ownLabel: .listRulesOwnWindow),
                ownRetry: ownOrTenant(rules.retryPolicy != nil, ownLabel: .listRulesOwnRetry),
                callingRules: form, notice: notice, errors: errors),
            status: status)
    }
}
