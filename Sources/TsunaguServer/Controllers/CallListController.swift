import Fluent
import SQLKit
import TsunaguCore
import Vapor

/// コールリスト一覧: each list with its counts by final status and by who holds its rows, and 配布.
struct CallListController: RouteCollection {
    struct ListRow: Encodable {
        var id: String
        var name: String
        var createdAt: String
        var total: Int
        var statusCounts: [String]
        var holders: [String]
        var distribution: String
        /// 上限到達: rows whose customer has had the most attempts the retry rules allow.
        var limitReached: Int
    }

    struct AgentOption: Encodable {
        var id: String
        var name: String
    }

    struct ListsContent: Encodable {
        var lists: [ListRow]
        var statusLabels: [String]
        var agents: [AgentOption]
        var notice: String?
        var error: String?
    }

    struct DistributeForm: Content {
        var mode: String?
        var agents: [String]?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("lists", use: index)
        routes.post("lists", ":listID", "distribute", use: distribute)
    }

    @Sendable func index(request: Request) async throws -> Response {
        try request.require({ $0.canCreateLists }, otherwise: .importForbidden)
        var notice = request.query[String.self, at: "done"] != nil ? request.text(.listsDistributed) : nil
        if let created = request.query[Int.self, at: "created"] {
            notice = request.text(.listsCreatedFromSearch(count: created))
            if let barred = request.query[Int.self, at: "barred"], barred > 0 {
                notice = (notice ?? "") + " " + request.text(.listSkippedBarred(count: barred))
            }
        }
        return try await render(request, notice: notice, error: nil)
    }

    @Sendable func distribute(request: Request) async throws -> Response {
        try request.require({ $0.canCreateLists }, otherwise: .importForbidden)
        let scope = try request.tenantScope()
        guard let listID = request.parameters.get("listID").flatMap(UUID.init(uuidString:)),
            try await scope.find(CallList.self, id: listID) != nil
        else { throw Abort(.notFound, reason: request.text(.notFound)) }
        let form = try request.decodeForm(DistributeForm.self)
        let mode = ListDistributor.Mode(rawValue: form.mode ?? "") ?? .evenSplit
        let agents = (form.agents ?? []).compactMap(UUID.init(uuidString:))
        do {
            try await ListDistributor(scope: scope).distribute(listID: listID, mode: mode, agentIDs: agents)
        } catch ListDistributor.Failure.noAgents {
            return try await render(request, notice: nil, error: request.text(.listsNoAgents), status: .badRequest)
        } catch ListDistributor.Failure.unknownAgent {
            return try await render(request, notice: nil, error: request.text(.notFound), status: .badRequest)
        }
        request.logger.info("list \(listID) distributed (\(mode.rawValue)) by '\(request.signedIn?.loginID ?? "?")'")
        return request.redirect(to: "/lists?done=1")
    }

    private func render(_ request: Request, notice: String?, error: String?, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let scope = try request.tenantScope()
        let language = request.language
        let sql = request.db.sql
        let tenant = scope.tenantID
        let lists = try await scope.query(CallList.self).sort(\.$createdAt, .descending).all()
        let users = try await scope.query(User.self).sort(\.$loginID).all()
        let names = Dictionary(
            uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0.uuidString, user.name) } })

        struct StatusCount: Decodable { var call_list_id: UUID; var final_status: String; var count: Int }
        struct HolderCount: Decodable {
            var call_list_id: UUID; var assigned_user_id: UUID?; var state: String; var count: Int
        }
        let statusCounts = try await sql.raw(
            """
            SELECT e."call_list_id", c."final_status", COUNT(*) AS "count" FROM \(ident: CallListEntry.schema) e
            JOIN \(ident: Customer.schema) c ON c."id" = e."customer_id"
            WHERE e."tenant_id" = \(uuid: tenant) AND c."tenant_id" = \(uuid: tenant)
            GROUP BY e."call_list_id", c."final_status"
            """
        ).all(decoding: StatusCount.self)
        let holderCounts = try await sql.raw(
            """
            SELECT "call_list_id", "assigned_user_id", "state", COUNT(*) AS "count" FROM \(ident: CallListEntry.schema)
            WHERE "tenant_id" = \(uuid: tenant) GROUP BY "call_list_id", "assigned_user_id", "state"
            """
        ).all(decoding: HolderCount.self)

        struct LimitCount: Decodable { var call_list_id: UUID; var count: Int }
        let limitCounts = try await sql.raw(
            """
            SELECT "call_list_id", COUNT(*) AS "count" FROM \(ident: CallListEntry.schema)
            WHERE "tenant_id" = \(uuid: tenant) AND "limit_reached" = \(bind: true) GROUP BY "call_list_id"
            """
        ).all(decoding: LimitCount.self)
        let calendar = TenantCalendar(identifier: request.signedIn?.settings.timeZoneIdentifier ?? "Asia/Tokyo")
        let rows = lists.compactMap { list -> ListRow? in
            guard let id = list.id else { return nil }
            let statuses = statusCounts.filter { $0.call_list_id == id }
            let holders = holderCounts.filter {
                $0.call_list_id == id && $0.state != CallListEntry.State.reported.rawValue
            }
            let holderLines = Dictionary(grouping: holders, by: { $0.assigned_user_id }).map {
                holder, counts -> String in
                let who = holder.flatMap { names[$0.uuidString] } ?? request.text(.listsPool)
                let onScreen = counts.filter { $0.state == CallListEntry.State.onScreen.rawValue }.map(\.count).reduce(
                    0, +)
                let waiting = counts.filter { $0.state == CallListEntry.State.waiting.rawValue }.map(\.count).reduce(
                    0, +)
                return request.text(.listsHolder(who: who, waiting: waiting, onScreen: onScreen))
            }.sorted()
            return ListRow(
                id: id.uuidString, name: list.name,
                createdAt: list.createdAt.map { calendar.manualDateTime($0) } ?? "",
                total: statuses.map(\.count).reduce(0, +),
                statusCounts: FinalStatus.allCases.map { status in
                    "\(statuses.first { $0.final_status == status.rawValue }?.count ?? 0)"
                },
                holders: holderLines, distribution: request.text(Self.label(of: list.distribution)),
                limitReached: limitCounts.first { $0.call_list_id == id }?.count ?? 0)
        }
        let agents = users.filter { !$0.disabled }.compactMap { user in
            user.id.map { AgentOption(id: $0.uuidString, name: user.name) }
        }
        let content = ListsContent(
            lists: rows, statusLabels: FinalStatus.allCases.map { $0.label.text(in: language) }, agents: agents,
            notice: notice, error: error)
        return try await request.renderPage("lists", content, status: status)
    }

    /// 配布状況's name for how a list was handed out.
    static func label(of distribution: CallList.Distribution) -> Label {
        switch distribution {
        case .none: .listsModeNone
        case .evenSplit: .listsModeEvenSplit
        case .sharedPool: .listsModeSharedPool
        }
    }
}
