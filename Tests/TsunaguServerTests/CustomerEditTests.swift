import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 顧客編集: fields, rights by tenant setting, 自分を担当者にする, soft delete, 架電履歴.
@Suite struct CustomerEditTests {
    static func setCustomerEdit(_ app: Application, _ tenant: UUID, _ right: TenantSettings.CustomerEditRight)
        async throws
    {
        let model = try #require(try await Tenant.find(tenant, on: app.db))
        model.settings.customerEdit = right
        try await model.save(on: app.db)
    }

    @Test func editWithValidationAndHistory() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            let agent = try #require(try await scope.query(User.self).filter(\.$loginID == "agent").first())
            let list = try await CallListBuilder(scope: scope).create(
                name: "履歴リスト", customerIDs: [tenants.customerOfA], createdBy: nil)
            let attempt = CallAttempt(
                tenantID: tenants.a, userID: agent.id, phoneExtension: "301", callListID: list,
                customerID: tenants.customerOfA,
                workRowID: nil, number: "+81300002001", startedAt: Date(timeIntervalSince1970: 1_730_785_228))
            attempt.endedAt = attempt.startedAt + 30
            attempt.result = .unanswered(.busy)
            attempt.memo = "留守電"
            try await scope.create(attempt)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let path = "/customers/\(tenants.customerOfA.uuidString)"

            let page = try await client.send(.GET, path).body.string
            #expect(page.contains("アルファ株式会社") && page.contains("架電履歴"))
            #expect(
                page.contains(
                    "<td>履歴リスト</td><td>2024年11月05日 14:40:28</td><td>架電済</td><td>不応答(話し中)</td><td>alpha agent</td><td>留守電</td>"
                ))

            let bad = try await client.send(.POST, path, form: ["company": "新社名", "phone": "TEL03"])
            #expect(bad.status == .badRequest && bad.body.string.contains("電話番号に英字が含まれています。"))
            #expect(
                try await scope.find(Customer.self, id: tenants.customerOfA)?.company == "アルファ株式会社", "nothing changed")

            let saved = try await client.send(
                .POST, path,
                form: [
                    "company": "アルファ商事", "companyKana": "アルファショウジ", "phone": "06-6000-1111", "prefecture": "大阪府",
                    "address": "北区1-1", "kind": "法人", "note": "資料送付済み", "owner": agent.id!.uuidString,
                ])
            #expect(saved.status == .seeOther)
            let customer = try #require(try await scope.find(Customer.self, id: tenants.customerOfA))
            #expect(
                customer.company == "アルファ商事" && customer.phoneE164 == "+81660001111" && customer.phone == "06-6000-1111"
            )
            #expect(customer.prefecture == "大阪府" && customer.kind == .corporate && customer.ownerUserID == agent.id)

            #expect(try await client.send(.POST, "\(path)/delete").status == .seeOther)
            #expect(
                try await scope.find(Customer.self, id: tenants.customerOfA) == nil, "deleted customers leave the list")
            #expect(try await client.send(.GET, path).body.string.contains("この顧客は削除済みです。"))
            #expect(try await client.send(.POST, "\(path)/restore").status == .seeOther)
            #expect(try await scope.find(Customer.self, id: tenants.customerOfA) != nil)
        }
    }

    /// 編集不可: no 編集 link, a read-only page, and the server refuses changes.
    @Test func noEditRight() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            try await Self.setCustomerEdit(app, tenants.a, .none)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let path = "/customers/\(tenants.customerOfA.uuidString)"
            #expect(!(try await client.send(.GET, "/customers").body.string.contains(path)))
            let page = try await client.send(.GET, path).body.string
            #expect(page.contains("readonly") && !page.contains(">登録</button>"))
            let refused = try await client.send(.POST, path, form: ["company": "改ざん", "phone": "03-0000-2001"])
            #expect(refused.status == .forbidden)
            #expect(try await client.send(.POST, "\(path)/delete").status == .forbidden)
            #expect(
                try await TenantScope(tenantID: tenants.a, database: app.db).find(
                    Customer.self, id: tenants.customerOfA)?.company == "アルファ株式会社")
        }
    }

    /// 自分が担当者の顧客のみ編集可: taking the customer over makes it editable.
    @Test func ownEditRightAndAssignMe() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            try await Self.setCustomerEdit(app, tenants.a, .own)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let path = "/customers/\(tenants.customerOfA.uuidString)"
            #expect(
                try await client.send(.POST, path, form: ["company": "x", "phone": "03-0000-2001"]).status == .forbidden
            )
            _ = try await client.send(.GET, path)
            #expect(try await client.send(.POST, "\(path)/assign-me").status == .seeOther)
            #expect(try await client.send(.GET, "/customers").body.string.contains(path))
            #expect(
                try await client.send(.POST, path, form: ["company": "担当した会社", "phone": "03-0000-2001"]).status
                    == .seeOther)
        }
    }
}
