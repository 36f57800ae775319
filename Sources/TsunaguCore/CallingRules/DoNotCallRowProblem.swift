/// Why one line of a 架電禁止リスト file did not become a barred number.
public struct DoNotCallRowProblem: Error, Sendable, Equatable, UserExplainable {
    public enum Reason: Error, Sendable, Equatable {
        case syntax(CSVSyntaxError.Kind)
        /// The number is missing (`.empty`) or is not a Japanese number we could dial.
        case phone(PhoneNumberError)
        case noteTooLong(maximum: Int)
        case tooManyFields(expected: Int, found: Int)
    }

    public var line: Int
    public var reason: Reason

    public init(line: Int, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    /// The reason alone, without the line number.
    public var reasonText: LocalizedText {
        switch reason {
        case .syntax(let kind): CSVSyntaxError(line: line, kind: kind).reason
        case .phone(let error): error.explanation
        case .noteTooLong(let maximum): Message.doNotCallNoteTooLong(maximum: maximum).text
        case .tooManyFields(let expected, let found): Message.importTooManyFields(expected: expected, found: found).text
        }
    }

    public var explanation: LocalizedText {
        Message.importLineProblem(line: line, reason: reasonText).text
    }
}
