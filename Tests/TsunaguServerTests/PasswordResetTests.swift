import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// パスワードを忘れた場合 (manual §4-4).
@Suite struct PasswordResetTests {
    static func keyCode(in mail: String) -> String? {
        guard let range = mail.range(of: "キーコード: ") else { return nil }
        return String(mail[range.upperBound...].prefix(20))
    }

    /// A test clock and a capturing mailer on the app, and the two tenants.
    static func prepare(_ app: Application) async throws -> (TestClock, CapturingMailer) {
        let clock = TestClock()
        clock.install(on: app)
        let mailer = CapturingMailer()
        app.mailer = mailer
        _ = try await TwoTenants.create(on: app.db)
        return (clock, mailer)
    }

    @Test func wholeFlowWithSingleUseKeyCode() async throws {
        try await withTestApp { app, client in
            let (_, mailer) = try await Self.prepare(app)

            _ = try await client.send(.GET, "/password/forgot")
            let sent = try await client.send(
                .POST, "/password/forgot", form: ["tenantCode": "alpha", "loginID": "agent"])
            #expect(sent.status == .ok && sent.body.string.contains("キーコードを送信しました"))
            let mail = try #require(mailer.sent.first)
            #expect(mail.to == ["agent@alpha.example.jp"] && mail.subject.contains("パスワードの変更を受け付けました"))
            let code = try #require(Self.keyCode(in: mail.body))
            #expect(ResetKeyCode.normalized(code) == code)

            let wrongMail = try await client.send(
                .POST, "/password/reset",
                form: ["email": "someone@else.jp", "keyCode": code, "password": "brand new password"])
            #expect(wrongMail.status == .badRequest && wrongMail.body.string.contains("キーコードが正しくないか"))
            let done = try await client.send(
                .POST, "/password/reset",
                form: [
                    "email": "AGENT@alpha.example.jp", "keyCode": code.uppercased(), "password": "brand new password",
                ])
            #expect(done.status == .ok && done.body.string.contains("パスワード変更完了"))
            let reused = try await client.send(
                .POST, "/password/reset",
                form: ["email": "agent@alpha.example.jp", "keyCode": code, "password": "another new password"])
            #expect(reused.status == .badRequest)

            #expect(
                try await client.signIn(tenant: "alpha", loginID: "agent", password: "brand new password").status
                    == .seeOther)
        }
    }

    @Test func keyCodeExpiresAfterFiveMinutes() async throws {
        try await withTestApp { app, client in
            let (clock, mailer) = try await Self.prepare(app)
            _ = try await client.send(.POST, "/password/forgot", form: ["tenantCode": "alpha", "loginID": "agent"])
            let code = try #require(Self.keyCode(in: mailer.sent[0].body))
            clock.advance(5 * 60 + 1)
            let expired = try await client.send(
                .POST, "/password/reset",
                form: ["email": "agent@alpha.example.jp", "keyCode": code, "password": "brand new password"])
            #expect(expired.status == .badRequest)
            #expect(
                try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password).status
                    == .seeOther)
        }
    }

    /// Unknown tenants, unknown users and users without a mail address get the same answer, and no mail leaves.
    @Test func sameAnswerWhetherOrNotTheUserExists() async throws {
        try await withTestApp { app, client in
            let mailer = CapturingMailer()
            app.mailer = mailer
            let tenants = try await TwoTenants.create(on: app.db)
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            let admin = try #require(try await scope.query(User.self).filter(\.$loginID == "admin").first())
            admin.email = ""
            try await scope.update(admin)
            var pages: [String] = []
            for (tenant, user) in [("alpha", "nobody"), ("zulu", "agent"), ("alpha", "admin")] {
                let response = try await client.send(
                    .POST, "/password/forgot", form: ["tenantCode": tenant, "loginID": user])
                #expect(response.status == .ok)
                pages.append(
                    response.body.string.replacingOccurrences(
                        of: #"content="[0-9a-f]{64}""#, with: "", options: .regularExpression))
            }
            #expect(Set(pages).count == 1)
            #expect(mailer.sent.isEmpty)
        }
    }

    /// With no SMTP configured the mail goes to the outbox folder, so the demo still shows the key code.
    @Test func outboxWithoutSMTP() async throws {
        try await withTestApp { app, client in
            _ = try await TwoTenants.create(on: app.db)
            _ = try await client.send(.POST, "/password/forgot", form: ["tenantCode": "alpha", "loginID": "agent"])
            let folder = app.tsunaguConfiguration.outboxDirectory
            let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            #expect(files.count == 1)
            let text = try String(
                contentsOfFile: (folder as NSString).appendingPathComponent(files[0]), encoding: .utf8)
            #expect(Self.keyCode(in: text) != nil && text.contains("agent@alpha.example.jp"))
        }
    }
}
