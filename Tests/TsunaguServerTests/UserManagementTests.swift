import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// ユーザ管理 and ユーザ情報.
@Suite struct UserManagementTests {
    @Test func adminCreatesEditsAndDisablesUsers() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)

            let bad = try await client.send(
                .POST, "/admin/users", form: ["name": "", "loginID": "新人", "email": "not-mail", "password": "short"])
            #expect(bad.status == .badRequest)
            for message in ["氏名を入力してください。", "ログインIDは半角英数字", "メールアドレスの形式が正しくありません。", "パスワードは8文字以上"] {
                #expect(bad.body.string.contains(message))
            }
            #expect(try await scope.query(User.self).count() == 2, "nothing was created")

            let created = try await client.send(
                .POST, "/admin/users",
                form: [
                    "name": "田中 三郎", "group": "第2チーム", "loginID": "agent3", "email": "tanaka@example.jp",
                    "phoneExtension": "303", "role": "agent", "password": "first password",
                    "phonePassword": "phone secret",
                ])
            #expect(created.status == .seeOther)
            let user = try #require(try await scope.query(User.self).filter(\.$loginID == "agent3").first())
            #expect(
                user.name == "田中 三郎" && user.phoneExtension == "303" && user.role == .agent
                    && user.phonePassword == "phone secret")
            #expect(try await client.send(.GET, "/admin/users").body.string.contains("田中 三郎"))

            let duplicate = try await client.send(
                .POST, "/admin/users", form: ["name": "x", "loginID": "agent3", "password": "another password"])
            #expect(duplicate.body.string.contains("このログインIDはすでに使われています。"))

            let agent3 = client.newBrowser()
            #expect(
                try await agent3.signIn(tenant: "alpha", loginID: "agent3", password: "first password").status
                    == .seeOther)
            #expect(try await agent3.send(.GET, "/").status == .ok)

            let id = try user.requireID().uuidString
            _ = try await client.send(.GET, "/admin/users/\(id)")
            #expect(
                try await client.send(
                    .POST, "/admin/users/\(id)", form: ["name": "田中 三郎", "loginID": "agent3", "phoneExtension": "309"]
                ).status == .seeOther)
            #expect(try await scope.find(User.self, id: user.id)?.phoneExtension == "309")

            #expect(try await client.send(.POST, "/admin/users/\(id)/disable").status == .seeOther)
            #expect(try await agent3.send(.GET, "/").status == .seeOther, "a disabled user's session ends")
            #expect(
                try await agent3.signIn(tenant: "alpha", loginID: "agent3", password: "first password").status
                    == .unauthorized)
        }
    }

    /// ユーザ情報: the new password applies at the next sign-in and ends the user's other sessions.
    @Test func passwordChangeEndsOtherSessions() async throws {
        try await withTestApp { app, first in
            _ = try await TwoTenants.create(on: app.db)
            let second = first.newBrowser()
            _ = try await first.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            _ = try await second.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let me = try await first.send(.GET, "/me")
            #expect(me.body.string.contains("alpha agent") && me.body.string.contains("agent@alpha.example.jp"))

            let tooShort = try await first.send(.POST, "/me/password", form: ["password": "short"])
            #expect(tooShort.status == .badRequest)
            let changed = try await first.send(.POST, "/me/password", form: ["password": "a brand new password"])
            #expect(changed.body.string.contains("パスワードを変更しました。"))
            #expect(try await first.send(.GET, "/me").status == .ok, "this session goes on")
            #expect(try await second.send(.GET, "/me").status == .seeOther, "the other session ended")

            let third = first.newBrowser()
            #expect(
                try await third.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password).status
                    == .unauthorized)
            #expect(
                try await third.signIn(tenant: "alpha", loginID: "agent", password: "a brand new password").status
                    == .seeOther)

            let phone = try await first.send(.POST, "/me/phone-password", form: ["password": "new phone secret"])
            #expect(phone.body.string.contains("つなぐ/Phoneパスワードを変更しました。"))
        }
    }

    /// 設定: every setting is stored per tenant and applies at once; a bad value changes nothing.
    @Test func tenantSettings() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let page = try await client.send(.GET, "/admin/settings")
            for label in ["コールリストの取得方法", "発信方法", "呼出し時間の上限(秒)", "端末設備等規則", "二重発信の確認(分)"] {
                #expect(page.body.string.contains(label))
            }
            let saved = try await client.send(
                .POST, "/admin/settings",
                form: [
                    "fetchMode": "automatic", "dialingMode": "manual", "ringTimeoutSeconds": "45",
                    "customerEdit": "own",
                    "csvExportAndDeleteEnabled": "off", "idleLogoutMinutes": "15",
                ])
            #expect(saved.status == .seeOther)
            let settings = try #require(try await Tenant.find(tenants.a, on: app.db)?.settings)
            #expect(
                settings.fetchMode == .automatic && settings.dialingMode == .manual && settings.ringTimeoutSeconds == 45
            )
            #expect(
                settings.customerEdit == .own && !settings.csvExportAndDeleteEnabled && settings.idleLogoutMinutes == 15
            )
            #expect(
                try await Tenant.find(tenants.b, on: app.db)?.settings == TwoTenants.settings,
                "the other tenant is untouched")

            let tooLong = try await client.send(
                .POST, "/admin/settings", form: ["ringTimeoutSeconds": "300", "dialingMode": "automatic"])
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.body.string.contains("「呼出し時間の上限(秒)」は5〜120の数字で入力してください。"))
            #expect(try await Tenant.find(tenants.a, on: app.db)?.settings.dialingMode == .manual, "nothing changed")
        }
    }

    /// The manual's date format, in the tenant's time zone.
    @Test func manualDateFormat() {
        let date = Date(timeIntervalSince1970: 1_730_785_228)  // 2024-11-05 05:40:28 UTC
        #expect(TenantCalendar(identifier: "Asia/Tokyo").manualDateTime(date) == "2024年11月05日 14:40:28")
        #expect(TenantCalendar(identifier: "UTC").manualDateTime(date) == "2024年11月05日 05:40:28")
        #expect(TenantCalendar(identifier: "Nowhere/Invalid").day(of: date) == "2024-11-05")
    }
}
