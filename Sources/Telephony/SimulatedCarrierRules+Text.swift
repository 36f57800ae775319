import TsunaguCore

/// The rule table as an administrator edits it: one rule per line, `<number ending> <behaviour> [seconds]`, with
/// `*` for every other number. Behaviours: answer, ringOut, busy, invalid, reject (or 応答, 呼出し続け, 話し中,
/// 番号不明, 着信拒否). Lines starting with `#` are comments.
extension SimulatedCarrierRules {
    public struct TextError: Error, Equatable, UserExplainable {
        public var line: Int
        public var content: String

        public var explanation: LocalizedText {
            Message.simulatedRuleUnreadable(line: line, content: String(content.prefix(40))).text
        }
    }

    public init(text: String) throws(TextError) {
        var rules: [Rule] = []
        var fallback: SimulatedBehaviour?
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "　" }).map(String.init)
            let error = TextError(line: offset + 1, content: line)
            guard parts.count == 2 || parts.count == 3 else { throw error }
            let ending = parts[0]
            guard ending == "*" || (ending.count <= 15 && ending.allSatisfy(\.isASCIIDigit)) else { throw error }
            var seconds: Double?
            if parts.count == 3 {
                guard let value = Double(parts[2]), value >= 0, value <= 120 else { throw error }
                seconds = value
            }
            guard let behaviour = Self.behaviour(named: parts[1], seconds: seconds) else { throw error }
            if ending == "*" {
                fallback = behaviour
            } else {
                rules.append(Rule(numberSuffix: ending, behaviour: behaviour))
            }
        }
        self.init(rules: rules, fallback: fallback ?? .answer(afterSeconds: 4))
    }

    public var text: String {
        (rules.map { "\($0.numberSuffix) \(Self.name(of: $0.behaviour))" } + ["* \(Self.name(of: fallback))"])
            .joined(separator: "\n")
    }

    private static func behaviour(named name: String, seconds: Double?) -> SimulatedBehaviour? {
        switch name.lowercased() {
        case "answer", "応答": .answer(afterSeconds: seconds ?? 4)
        case "ringout", "呼出し続け", "応答なし": seconds == nil ? .ringOut : nil
        case "busy", "話し中": .busy(afterSeconds: seconds ?? 2)
        case "invalid", "番号不明": seconds == nil ? .invalidNumber : nil
        case "reject", "着信拒否": .reject(afterSeconds: seconds ?? 4)
        default: nil
        }
    }

    private static func name(of behaviour: SimulatedBehaviour) -> String {
        func number(_ seconds: Double) -> String {
            seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        }
        return switch behaviour {
        case .answer(let seconds): "answer \(number(seconds))"
        case .ringOut: "ringOut"
        case .busy(let seconds): "busy \(number(seconds))"
        case .invalidNumber: "invalid"
        case .reject(let seconds): "reject \(number(seconds))"
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
