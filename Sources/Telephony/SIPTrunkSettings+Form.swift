import Foundation
import SIP
import TsunaguCore

extension SIPTrunkSettings {
    /// What is wrong with the submitted fields, each in the user's languages.
    public struct FormProblems: Error, Sendable {
        public var messages: [LocalizedText]
    }

    /// The settings page's SIP trunk fields, checked strictly. An empty host removes the trunk. An empty password
    /// keeps the stored one (the page never shows it back).
    public static func fromForm(_ form: [String: String], current: SIPTrunkSettings?) -> Result<
        SIPTrunkSettings?, FormProblems
    > {
        func field(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespaces) }
        let host = field("sipHost")
        guard !host.isEmpty else { return .success(nil) }
        var problems: [LocalizedText] = []
        if !isHost(host) {
            problems.append(
                Message.trunkHostInvalid(String(host.prefix(64))).text)
        } else if !SIPUserAgent.isSingleHostAddress(host) {
            problems.append(
                Message.trunkHostNotOneDevice(String(host.prefix(64))).text)
        }
        let portText = field("sipPort")
        let port = portText.isEmpty ? 5060 : Int(portText) ?? 0
        if !(1...65535).contains(port) {
            problems.append(
                Label.trunkPortInvalid.text)
        }
        let transport = field("sipTransport").lowercased()
        if !["udp", "tcp"].contains(transport) {
            problems.append(
                Label.trunkTransportInvalid.text)
        }
        let callerID = field("sipCallerID")
        let callerDigits = callerID.hasPrefix("+") ? callerID.dropFirst() : Substring(callerID)
        if callerDigits.isEmpty || callerDigits.count > 20 || !callerDigits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            problems.append(
                Label.trunkCallerIDInvalid.text)
        }
        let authUser = field("sipAuthUser")
        if authUser.count > 64
            || authUser.contains(where: { $0 == "\"" || $0 == "\\" || $0.isWhitespace || !$0.isASCII })
        {
            problems.append(
                Label.trunkAuthUserInvalid.text)
        }
        var password = form["sipPassword"] ?? ""
        if password.isEmpty { password = current?.password ?? "" }
        if password.count > 128 || password.contains(where: { $0 == "\r" || $0 == "\n" }) {
            problems.append(
                Label.trunkPasswordTooLong.text)
        }
        let fromDomain = field("sipFromDomain")
        if !fromDomain.isEmpty && !isHost(fromDomain) {
            problems.append(Label.trunkFromDomainInvalid.text)
        }
        guard
            let format = NumberFormat(
                rawValue: field("sipNumberFormat").isEmpty ? "national" : field("sipNumberFormat"))
        else {
            return .failure(
                FormProblems(
                    messages: problems + [Label.trunkNumberFormatInvalid.text]))
        }
        let dtmfText = field("sipDTMF")
        guard let dtmfMethod = DTMFMethod(rawValue: dtmfText.isEmpty ? "rfc4733" : dtmfText) else {
            return .failure(
                FormProblems(
                    messages: problems + [
                        Label.trunkDTMFInvalid.text
                    ]))
        }
        guard problems.isEmpty else { return .failure(FormProblems(messages: problems)) }
        return .success(
            SIPTrunkSettings(
                host: host, port: port, transport: transport, authUser: authUser, password: password,
                callerID: callerID,
                fromDomain: fromDomain, register: form["sipRegister"] == "on", numberFormat: format,
                dtmfMethod: dtmfMethod))
    }

    /// A host name, an IPv4 address, or an IPv6 address in brackets or bare.
    static func isHost(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 253 else { return false }
        if text.contains(":") {
            let bare = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
            return bare.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
