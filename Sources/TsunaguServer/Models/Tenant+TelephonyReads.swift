import FluentKit
import Foundation
import Telephony

extension Tenant {
    /// The simulated carrier's rules of a tenant, the standard ones when it has none or is gone. The carrier reads them
    /// on every call: only the columns they need are read, since decoding the settings' JSON cost more than the read.
    static func carrierRules(of tenantID: UUID, on database: any Database) async throws -> SimulatedCarrierRules {
        try await Tenant.query(on: database).filter(\.$id == tenantID)
            .field(\.$id).field(\.$code).field(\.$carrierRulesJSON).first()?.carrierRules ?? .standard
    }

    /// The SIP trunk of a tenant, read on every call like the carrier's rules: only the columns it needs.
    static func sipTrunk(of tenantID: UUID, on database: any Database) async throws -> SIPTrunkSettings? {
        try await Tenant.query(on: database).filter(\.$id == tenantID)
            .field(\.$id).field(\.$code).field(\.$sipTrunkJSON).first()?.sipTrunk
    }
}
