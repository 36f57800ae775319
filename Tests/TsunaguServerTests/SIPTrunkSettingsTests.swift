import Fluent
import Foundation
import Telephony
import Testing
import VaporTesting

@testable import TsunaguServer

/// 設定's SIP trunk: stored per tenant, checked strictly, the password never shown back.
@Suite struct SIPTrunkSettingsTests {
    private let trunkForm = [
        "sipHost": "sip.example.jp", "sipPort": "5070", "sipTransport": "tcp", "sipAuthUser": "tsunagu01",
        "sipPassword": "s3cret", "sipCallerID": "0312345678", "sipFromDomain": "", "sipRegister": "on",
        "sipNumberFormat": "national",
    ]

    @Test func savesTheTrunkAndKeepsThePasswordHidden() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let saved = try await client.send(.POST, "/admin/settings", form: trunkForm)
            #expect(saved.status == .seeOther)
            let trunk = try #require(try await Tenant.find(tenants.a, on: app.db)?.sipTrunk)
            #expect(
                trunk
                    == SIPTrunkSettings(
                        host: "sip.example.jp", port: 5070, transport: "tcp", authUser: "tsunagu01", password: "s3cret",
                        callerID: "0312345678", register: true))
            #expect(try await Tenant.find(tenants.b, on: app.db)?.sipTrunk == nil, "the other tenant is untouched")

            let page = try await client.send(.GET, "/admin/settings")
            #expect(page.body.string.contains("SIPトランク: ホスト"))
            #expect(page.body.string.contains("sip.example.jp"))
            #expect(page.body.string.contains("SIPトランク: トーン(DTMF)の送り方"))
            #expect(trunk.dtmfMethod == .rfc4733, "RFC 4733 unless asked")
            #expect(!page.body.string.contains("s3cret"), "the password is never sent back")

            // Saving again with the password left empty keeps it.
            var again = trunkForm
            again["sipPassword"] = ""
            again["sipPort"] = "5080"
            _ = try await client.send(.POST, "/admin/settings", form: again)
            let kept = try #require(try await Tenant.find(tenants.a, on: app.db)?.sipTrunk)
            #expect(kept.password == "s3cret" && kept.port == 5080)

            var info = trunkForm
            info["sipDTMF"] = "sipInfo"
            _ = try await client.send(.POST, "/admin/settings", form: info)
            #expect(try await Tenant.find(tenants.a, on: app.db)?.sipTrunk?.dtmfMethod == .sipInfo)

            // An empty host removes the trunk.
            var removed = trunkForm
            removed["sipHost"] = ""
            _ = try await client.send(.POST, "/admin/settings", form: removed)
            #expect(try await Tenant.find(tenants.a, on: app.db)?.sipTrunk == nil)
        }
    }

    /// Bad trunk fields get Japanese messages and change nothing, the other settings included.
    @Test func refusesBadTrunkFields() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            var bad = trunkForm
            bad["sipHost"] = "sip example;jp"
            bad["sipPort"] = "70000"
            bad["sipCallerID"] = "03-abc"
            bad["ringTimeoutSeconds"] = "45"
            let response = try await client.send(.POST, "/admin/settings", form: bad)
            #expect(response.status == .badRequest)
            for message in [
                "SIPトランクのホスト「sip example;jp」が正しくありません。", "SIPトランクのポートは1〜65535の数字で入力してください。",
                "発信者番号は数字(20桁まで)で入力してください。",
            ] {
                #expect(response.body.string.contains(message), "\(message)")
            }
            let tenant = try #require(try await Tenant.find(tenants.a, on: app.db))
            #expect(tenant.sipTrunk == nil)
            #expect(tenant.settings.ringTimeoutSeconds != 45)
        }
    }

    /// A trunk saved before the DTMF setting existed still loads, with tones in the audio.
    @Test func aTrunkStoredBeforeTheDTMFSettingStillLoads() throws {
        let stored = """
            {"host":"sip.example.jp","port":5060,"transport":"udp","authUser":"","password":"","callerID":"0312345678",
            "fromDomain":"","register":false,"numberFormat":"national"}
            """
        let trunk = try JSONDecoder().decode(SIPTrunkSettings.self, from: Data(stored.utf8))
        #expect(trunk.host == "sip.example.jp")
        #expect(trunk.dtmfMethod == .rfc4733)
        let again = try JSONDecoder().decode(SIPTrunkSettings.self, from: JSONEncoder().encode(trunk))
        #expect(again == trunk)
    }

    @Test func refusesAnUnknownDTMFMethod() {
        var form = trunkForm
        form["sipDTMF"] = "inband"
        guard case .failure(let problems) = SIPTrunkSettings.fromForm(form, current: nil) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.messages.map(\.ja) == ["トーン(DTMF)の送り方が正しくありません。"])
    }

    /// A broadcast, multicast or unspecified address is refused with a clear message; a name or a host's address is not.
    @Test(arguments: ["255.255.255.255", "224.0.0.1", "0.0.0.0", "[ff02::1]", "::"])
    func refusesAnAddressThatIsNotOneDevice(host: String) {
        var form = trunkForm
        form["sipHost"] = host
        guard case .failure(let problems) = SIPTrunkSettings.fromForm(form, current: nil) else {
            Issue.record("accepted \(host)")
            return
        }
        #expect(
            problems.messages.map(\.ja) == [
                "SIPトランクのホスト「\(host)」は1台の機器のアドレスではありません(ブロードキャスト・マルチキャスト・0.0.0.0は使えません)。"
            ])
        for fine in ["192.0.2.10", "[2001:db8::1]", "sip.example.jp"] {
            form["sipHost"] = fine
            guard case .success = SIPTrunkSettings.fromForm(form, current: nil) else {
                Issue.record("refused \(fine)")
                return
            }
        }
    }
}
