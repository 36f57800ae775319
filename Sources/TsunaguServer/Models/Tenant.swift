import FluentKit
import Foundation
import Logging
import Telephony
import TsunaguCore

/// 契約顧客: a call-centre team using Tsunagu. Every other row belongs to exactly one tenant.
package final class Tenant: Model, @unchecked Sendable {
    package static let schema = "tenants"

    @ID(key: .id) package var id: UUID?
    /// 契約顧客コード, typed at sign-in.
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "settings") var settings: TenantSettings
    /// The simulated carrier's rule table as JSON; nil for the standard rules.
    @OptionalField(key: "carrier_rules") var carrierRulesJSON: String?
    /// The SIP trunk as JSON; nil when none is set.
    @OptionalField(key: "sip_trunk") var sipTrunkJSON: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    package init() {}

    package init(id: UUID? = nil, code: String, name: String, settings: TenantSettings = TenantSettings()) {
        self.id = id
        self.code = code
        self.name = name
        self.settings = settings
    }
}

extension Tenant {
    /// Where a tenant's stored settings that cannot be read are reported (they are written by this server only).
    static let logger = Logger(label: "tsunagu.tenant")

    /// The simulated carrier's rules for this tenant (the standard ones unless the tenant edited them).
    package var carrierRules: SimulatedCarrierRules {
        get {
            guard let json = carrierRulesJSON else { return .standard }
            do {
                return try JSONDecoder().decode(SimulatedCarrierRules.self, from: Data(json.utf8))
            } catch {
                Self.logger.error(
                    "tenant \(code): its simulated carrier rules are unreadable, the standard ones apply: \(error)")
                return .standard
            }
        }
        set {
            carrierRulesJSON =
                newValue == .standard
                ? nil : (try? JSONEncoder().encode(newValue)).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}

extension Tenant {
    /// The tenant's SIP trunk, used when the server runs with `TELEPHONY=sip`.
    var sipTrunk: SIPTrunkSettings? {
        get {
            guard let json = sipTrunkJSON else { return nil }
            do {
                return try JSONDecoder().decode(SIPTrunkSettings.self, from: Data(json.utf8))
            } catch {
                Self.logger.error("tenant \(code): its SIP trunk settings are unreadable, so it has no trunk: \(error)")
                return nil
            }
        }
        set {
            sipTrunkJSON = newValue.flatMap { try? JSONEncoder().encode($0) }.map {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }
}
