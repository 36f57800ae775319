import Fluent
import TsunaguCore
import Vapor

/// What 顧客一覧 does with the whole filtered set (manual §4-1): 顧客 CSV ダウンロード (streamed, CP932 or UTF-8),
/// 削除 after a confirmation, and 「リスト再作成」 (a new call list of the set). Download and delete are hidden and
/// refused for agents when the tenant turns them off.
struct CustomerBulkController: RouteCollection {
    struct DeleteContent: Encodable {
        var count: Int
        var question: String
        var fields: [SelectOption]
        var backLink: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("customers", "export", use: export)
        routes.get("customers", "delete", use: confirmDelete)
        routes.post("customers", "delete", use: delete)
        routes.post("customers", "list", use: createList)
    }

    /// The search of the request (query for GET, form for POST), or the page explaining what is wrong with it.
    private func search(_ request: Request) throws -> (CustomerSearch, [String: String], [String]) {
        var fields: [String: String] = [:]
        var statuses: [String] = []
        if request.method == .GET {
            for key in CustomerListController.formKeys {
                if let value = request.query[String.self, at: key] { fields[key] = value }
            }
            statuses = (try? request.query.get([String].self, at: "status")) ?? []
        } else {
            for key in CustomerListController.formKeys + ["name"] {
                if let value = try? request.content.get(String.self, at: key) { fields[key] = value }
            }
            statuses = (try? request.content.get([String].self, at: "status")) ?? []
        }
        switch CustomerSearch.parse(fields, statuses: statuses) {
        case .success(let search): return (search, fields, statuses)
        case .failure(let problems):
            throw Abort(
                .badRequest,
                reason: problems.all.map { $0.explanation.text(in: request.language) }.joined(separator: " "))
        }
    }

    private func requireExportAndDelete(_ request: Request) throws -> SignedIn {
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        try request.require({ $0.canExportAndDelete }, otherwise: .customersBulkDisabled)
        return signedIn
    }

    @Sendable func export(request: Request) async throws -> Response {
        let signedIn = try requireExportAndDelete(request)
        let (search, _, _) = try self.search(request)
        let query = try await CustomerQuery(scope: try request.tenantScope(), search: search, signedIn: signedIn)
        let writer = CSVWriter(encoding: request.query[String.self, at: "encoding"] == "utf8" ? .utf8WithBOM : .cp932)
        let language = request.language
        let calendar = TenantCalendar(identifier: signedIn.settings.timeZoneIdentifier)
        let owners = Dictionary(
            uniqueKeysWithValues: try await request.tenantScope().query(User.self).all().compactMap { user in
                user.id.map { ($0, user.loginID) }
            })
        let logger = request.logger
        let response = Response(status: .ok)
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "csv", parameters: ["charset": writer.encoding == .cp932 ? "Shift_JIS" : "UTF-8"])
        let fileName = "customers-\(calendar.day(of: request.now)).csv"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        response.body = Response.Body(asyncStream: { stream in
            do {
                var header = ByteBuffer(bytes: writer.preamble)
                header.writeBytes(writer.record(CustomerExportColumns.header))
                try await stream.write(.buffer(header))
                var rows = 0
                try await query.forEachExportBatch { customers in
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(customers.count * 160)
                    for customer in customers {
                        writer.appendRecord(
                            CustomerExportColumns.fields(customer, owners: owners, language: language), to: &bytes)
                    }
                    rows += customers.count
                    try await stream.write(.buffer(ByteBuffer(bytes: bytes)))
                }
                logger.info("customer CSV download: \(rows) rows")
                try await stream.write(.end)
            } catch {
                logger.error("customer CSV download failed: \(error)")
                try? await stream.write(.error(error))
            }
        })
        return response
    }

    @Sendable func confirmDelete(request: Request) async throws -> Response {
        let signedIn = try requireExportAndDelete(request)
        let (search, fields, statuses) = try self.search(request)
        let count = try await CustomerQuery(scope: try request.tenantScope(), search: search, signedIn: signedIn)
            .builder(includeDeleted: false).count()
        let hidden =
            fields.filter { $0.key != "page" && $0.key != "deleted" }.map {
                SelectOption(value: $0.value, label: $0.key, selected: false)
            }
            + statuses.map { SelectOption(value: $0, label: "status", selected: false) }
        let content = DeleteContent(
            count: count,
            question: request.text(.customersDeleteQuestion(count: count)),
            fields: hidden,
            backLink: SiteURL.query(
                fields, keys: CustomerListController.formKeys, repeated: ["status": statuses], page: 1))
        return try await request.renderPage("customers-delete", content)
    }

    @Sendable func delete(request: Request) async throws -> Response {
        let signedIn = try requireExportAndDelete(request)
        let (search, _, _) = try self.search(request)
        let scope = try request.tenantScope()
        let deleted = try await scope.transaction { scope in
            var count = 0
            let query = try await CustomerQuery(scope: scope, search: search, signedIn: signedIn)
            var ids: [UUID] = []
            try await query.forEachBatch(includeDeleted: false) { batch in ids += batch.compactMap(\.id) }
            for chunk in ids.chunks(of: 1_000) {
                try await scope.query(Customer.self).filter(\.$id ~~ Array(chunk)).delete()
                count += chunk.count
            }
            return count
        }
        request.logger.info("bulk delete by '\(signedIn.loginID)': \(deleted) customers")
        let message = request.text(.customersDeleted(count: deleted))
        return try await request.renderPage(
            "message", MessagePage(title: request.text(.menuCustomers), message: message))
    }

    @Sendable func createList(request: Request) async throws -> Response {
        try request.require({ $0.canCreateLists }, otherwise: .importForbidden)
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        let (search, fields, _) = try self.search(request)
        let name = (fields["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else {
            throw Abort(.badRequest, reason: request.text(.listsNameRequired))
        }
        let scope = try request.tenantScope()
        let ids = try await CustomerQuery(scope: scope, search: search, signedIn: signedIn).ids()
        guard !ids.isEmpty else { throw Abort(.badRequest, reason: request.text(.customersEmpty)) }
        let built = try await CallListBuilder(scope: scope).build(
            name: name, customerIDs: ids, createdBy: signedIn.userID)
        request.logger.info(
            "call list '\(name)' created from a search by '\(signedIn.loginID)': \(built.entries) customers, \(built.skippedBarred) barred left out"
        )
        return request.redirect(to: "/lists?created=\(built.entries)&barred=\(built.skippedBarred)")
    }
}

/// The columns of 顧客 CSV ダウンロード: the import's headers first, so a downloaded file imports again.
enum CustomerExportColumns {
    static let header =
        CustomerField.allCases.map(\.japaneseHeader)
        + ["登録日付", "配布", "最終ステータス", "自社担当者ユーザID", "削除"]

    static func fields(_ customer: CustomerExportRow, owners: [UUID: String], language: Language) -> [String] {
        [
            customer.kind?.label.text(in: language) ?? "", customer.industry, customer.company, customer.companyKana,
            customer.contactName, customer.phone, customer.prefecture, customer.address, customer.email, customer.note,
            customer.registeredOn.replacingOccurrences(of: "-", with: "/"), customer.distributed ? "済" : "",
            customer.finalStatus.label.text(in: language), customer.ownerUserID.flatMap { owners[$0] } ?? "",
            customer.deleted ? "削除済" : "",
        ]
    }
}
