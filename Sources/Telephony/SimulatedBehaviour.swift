import TsunaguCore

/// What the simulated network does with a call to a number.
public enum SimulatedBehaviour: Sendable, Hashable, Codable {
    /// Rings, then the customer answers; the call lasts until someone hangs up.
    case answer(afterSeconds: Double)
    /// Rings until the ring timeout (no answer).
    case ringOut
    /// Busy tone after a short while.
    case busy(afterSeconds: Double)
    /// The number does not exist.
    case invalidNumber
    /// Rings, then the customer declines.
    case reject(afterSeconds: Double)

    public var label: LocalizedText {
        switch self {
        case .answer(let seconds): Message.simulatedAnswersAfter(seconds: Int(seconds)).text
        case .ringOut: Label.simulatedRingsOut.text
        case .busy: Label.callResultBusy.text
        case .invalidNumber: Label.simulatedInvalidNumber.text
        case .reject: Label.callResultRejected.text
        }
    }
}

/// The simulated carrier's rule table: the first rule whose suffix ends the number decides.
public struct SimulatedCarrierRules: Sendable, Hashable, Codable {
    public struct Rule: Sendable, Hashable, Codable {
        /// Digits the E.164 number ends with ("" matches every number).
        public var numberSuffix: String
        public var behaviour: SimulatedBehaviour

        public init(numberSuffix: String, behaviour: SimulatedBehaviour) {
            self.numberSuffix = numberSuffix
            self.behaviour = behaviour
        }
    }

    public var rules: [Rule]
    /// What happens when no rule matches.
    public var fallback: SimulatedBehaviour

    public init(rules: [Rule], fallback: SimulatedBehaviour = .answer(afterSeconds: 4)) {
        self.rules = rules
        self.fallback = fallback
    }

    /// The defaults, by last digit: 0–4 answer after a few seconds, 5 rings out, 6 busy, 7 does not exist,
    /// 8 rejects, 9 answers after a long ring. The demo tenant's customers cover every digit.
    public static let standard = SimulatedCarrierRules(rules: [
        Rule(numberSuffix: "0", behaviour: .answer(afterSeconds: 3)),
        Rule(numberSuffix: "1", behaviour: .answer(afterSeconds: 4)),
        Rule(numberSuffix: "2", behaviour: .answer(afterSeconds: 5)),
        Rule(numberSuffix: "3", behaviour: .answer(afterSeconds: 6)),
        Rule(numberSuffix: "4", behaviour: .answer(afterSeconds: 8)),
        Rule(numberSuffix: "5", behaviour: .ringOut),
        Rule(numberSuffix: "6", behaviour: .busy(afterSeconds: 2)),
        Rule(numberSuffix: "7", behaviour: .invalidNumber),
        Rule(numberSuffix: "8", behaviour: .reject(afterSeconds: 4)),
        Rule(numberSuffix: "9", behaviour: .answer(afterSeconds: 15)),
    ])

    public func behaviour(for e164: String) -> SimulatedBehaviour {
        rules.first { e164.hasSuffix($0.numberSuffix) }?.behaviour ?? fallback
    }
}
