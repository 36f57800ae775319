import Foundation

/// A tenant's SIP trunk: where calls go and how we present ourselves there.
public struct SIPTrunkSettings: Sendable, Hashable, Codable {
    public enum NumberFormat: String, Sendable, Hashable, Codable {
        /// `0312345678`: what Japanese carriers' trunks (ひかり電話 and most IP-PBXs) expect.
        case national
        /// `+81312345678`
        case e164
    }

    public var host: String
    public var port: Int
    /// `udp` or `tcp`.
    public var transport: String
    /// Digest user; empty when the trunk trusts our address.
    public var authUser: String
    public var password: String
    /// The caller ID (From user part): the number the customer sees.
    public var callerID: String
    /// From's host; the trunk host when empty.
    public var fromDomain: String
    public var register: Bool
    public var numberFormat: NumberFormat

    public init(
        host: String, port: Int = 5060, transport: String = "udp", authUser: String = "", password: String = "",
        callerID: String, fromDomain: String = "", register: Bool = false, numberFormat: NumberFormat = .national
    ) {
        self.host = host
        self.port = port
        self.transport = transport
        self.authUser = authUser
        self.password = password
        self.callerID = callerID
        self.fromDomain = fromDomain
        self.register = register
        self.numberFormat = numberFormat
    }

    /// The number as the trunk wants it, from E.164 (+81…).
    func dialString(_ e164: String) -> String {
        switch numberFormat {
        case .e164: e164
        case .national: e164.hasPrefix("+81") ? "0" + e164.dropFirst(3) : e164
        }
    }
}
