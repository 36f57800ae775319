/// Why one CSV line did not become a customer.
public struct CustomerRowProblem: Error, Sendable, Equatable, UserExplainable {
    public enum Reason: Error, Sendable, Equatable {
        case syntax(CSVSyntaxError.Kind)
        case phone(PhoneNumberError)
        case missingName
        case unknownKind(String)
        case unknownPrefecture(String)
        case invalidEmail(String)
        case tooLong(CustomerField, maximum: Int)
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
        case .syntax(let kind):
            return CSVSyntaxError(line: line, kind: kind).reason
        case .phone(let error):
            return error.explanation
        case .missingName:
            return Label.importMissingName.text
        case .unknownKind(let text):
            return Message.importUnknownKind(text: text).text
        case .unknownPrefecture(let text):
            return Message.unknownPrefecture(text: text).text
        case .invalidEmail(let text):
            return Message.importInvalidEmail(text: text).text
        case .tooLong(let field, let maximum):
            return Message.importFieldTooLong(field, maximum: maximum).text
        case .tooManyFields(let expected, let found):
            return Message.importTooManyFields(expected: expected, found: found).text
        }
    }

    public var explanation: LocalizedText {
        Message.importLineProblem(line: line, reason: reasonText).text
    }
}
