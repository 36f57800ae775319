import Fluent
import TsunaguCore
import Vapor

/// 顧客一覧: the signed-in tenant's customers, newest first, a page at a time.
struct CustomerListController: RouteCollection {
    static let pageSize = 50

    struct ListContent: Encodable {
        var countLine: String
        var customers: [CustomerRow]
        var previousPage: Int?
        var nextPage: Int?
    }

    struct CustomerRow: Encodable {
        var number: Int
        var distributed: Bool
        var finalStatus: String
        var company: String
        var contactName: String
        var address: String
        var phone: String
        var email: String
        var registeredOn: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: list)
        routes.get("customers", use: list)
    }

    @Sendable func list(request: Request) async throws -> Response {
        let scope = try request.tenantScope()
        let language = request.language
        let labels = UIText.labels(language)
        let requested = max(1, request.query[Int.self, at: "page"] ?? 1)
        let total = try await scope.query(Customer.self).count()
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let page = min(requested, pages)
        let offset = (page - 1) * Self.pageSize
        let customers = try await scope.query(Customer.self)
            .sort(\.$createdAt, .descending).sort(\.$phoneE164)
            .range(offset..<(offset + Self.pageSize)).all()
        let rows = customers.enumerated().map { index, customer in
            CustomerRow(
                number: offset + index + 1, distributed: customer.distributed,
                finalStatus: customer.finalStatus.label.text(in: language), company: customer.company,
                contactName: customer.contactName.isEmpty ? labels["customers_unknownContact"]! : customer.contactName,
                address: customer.prefecture + customer.address, phone: customer.phone, email: customer.email,
                registeredOn: customer.registeredOn.replacingOccurrences(of: "-", with: "/"))
        }
        let countLine = labels["customers_count"]!
            .replacingOccurrences(of: "{total}", with: "\(total)")
            .replacingOccurrences(of: "{from}", with: "\(total == 0 ? 0 : offset + 1)")
            .replacingOccurrences(of: "{to}", with: "\(offset + rows.count)")
        let content = ListContent(
            countLine: countLine, customers: rows, previousPage: page > 1 ? page - 1 : nil,
            nextPage: page < pages ? page + 1 : nil)
        return try await request.renderPage("customers", content)
    }
}
