import Foundation
import Testing
import Vapor

@testable import TsunaguServer

/// The login page and sign-in with 契約顧客コード + ユーザID + パスワード.
@Suite struct SignInTests {
    @Test func loginPageIsJapaneseByDefault() async throws {
        try await withTestApp { _, client in
            let page = try await client.send(.GET, "/login")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("<html lang=\"ja\">"))
            for label in ["契約顧客コード", "ユーザID", "パスワード", "ログイン"] { #expect(html.contains(label)) }
        }
    }

    @Test func loginPageSpeaksEnglishWhenAsked() async throws {
        try await withTestApp { _, client in
            let byHeader = try await client.send(
                .GET, "/login", headers: ["Accept-Language": "en-US,en;q=0.9,ja;q=0.5"])
            #expect(byHeader.body.string.contains("Tenant code"))
            let byChoice = try await client.send(.GET, "/login?lang=en")
            #expect(byChoice.body.string.contains("<html lang=\"en\">"))
            let remembered = try await client.send(.GET, "/login")
            #expect(remembered.body.string.contains("Tenant code"), "the choice is kept in a cookie")
        }
    }

    /// A wrong tenant, user or password all get the same message and no session.
    @Test func wrongCredentialsGetOneMessage() async throws {
        try await withTestApp { app, client in
            _ = try await TwoTenants.create(on: app.db)
            let message = "契約顧客コード、ユーザID、またはパスワードが正しくありません。"
            for (tenant, user, password) in [
                ("alpha", "agent", "wrong"), ("alpha", "nobody", TwoTenants.password),
                ("zulu", "agent", TwoTenants.password),
            ] {
                let response = try await client.signIn(tenant: tenant, loginID: user, password: password)
                #expect(response.status == .unauthorized)
                #expect(response.body.string.contains(message))
            }
            let home = try await client.send(.GET, "/")
            #expect(home.status == .seeOther && home.headers.first(name: .location) == "/login")
        }
    }

    /// Signing in gives a new session id; signing out ends it.
    @Test func signInAndOut() async throws {
        try await withTestApp { app, client in
            _ = try await TwoTenants.create(on: app.db)
            _ = try await client.send(.GET, "/login?lang=ja")
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let session = client.cookies["tsunagu_session"]
            #expect(session != nil)
            #expect(try await client.send(.GET, "/").status == .ok)
            #expect(try await client.send(.POST, "/logout").status == .seeOther)
            #expect(try await client.send(.GET, "/").status == .seeOther)
        }
    }

    @Test func healthAnswers() async throws {
        try await withTestApp { _, client in
            let response = try await client.send(.GET, "/health")
            #expect(response.status == .ok)
            #expect(response.body.string.contains("\"database\":\"ok\""))
        }
    }
}
