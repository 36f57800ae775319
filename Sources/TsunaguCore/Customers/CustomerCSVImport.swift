/// Reads a customer CSV file: finds the encoding, maps the header to customer fields, checks every row. Every
/// good row is kept and every bad row is reported with its line number; one bad row never stops the others.
public struct CustomerCSVImport: Sendable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var customer: CustomerDraft
    }

    public var encoding: TextFileEncoding
    /// Column index → field, for the columns that were recognised.
    public var mapping: [Int: CustomerField]
    /// Headers that name no customer field; their values are ignored.
    public var ignoredHeaders: [String]
    public var rows: [Row]
    public var problems: [CustomerRowProblem]

    /// A problem with the file as a whole: nothing can be imported from it.
    public enum FileProblem: Error, Sendable, Equatable, UserExplainable {
        case encoding(TextFileDecoder.Failure)
        case empty
        case headerSyntax(CSVSyntaxError)
        case missingPhoneColumn
        case duplicateColumn(CustomerField)

        public var explanation: LocalizedText {
            switch self {
            case .encoding(let failure):
                failure.explanation
            case .empty:
                Label.importFileEmpty.text
            case .headerSyntax(let error):
                error.explanation
            case .missingPhoneColumn:
                Label.importMissingPhoneColumn.text
            case .duplicateColumn(let field):
                Message.importDuplicateColumn(field).text
            }
        }
    }

    public static func read(_ bytes: [UInt8]) -> Result<CustomerCSVImport, FileProblem> {
        let opened: SpreadsheetCSV
        switch SpreadsheetCSV.open(bytes) {
        case .success(let value): opened = value
        case .failure(.encoding(let failure)): return .failure(.encoding(failure))
        case .failure(.empty): return .failure(.empty)
        case .failure(.syntax(let error)): return .failure(.headerSyntax(error))
        }
        var reader = opened.reader
        let header = opened.first

        var mapping: [Int: CustomerField] = [:]
        var ignored: [String] = []
        for (index, title) in header.fields.enumerated() {
            guard let field = CustomerField(header: title) else {
                if !title.trimmingWhitespace().isEmpty { ignored.append(title.trimmingWhitespace()) }
                continue
            }
            if mapping.values.contains(field) { return .failure(.duplicateColumn(field)) }
            mapping[index] = field
        }
        guard mapping.values.contains(.phone) else { return .failure(.missingPhoneColumn) }

        var result = CustomerCSVImport(
            encoding: opened.encoding, mapping: mapping, ignoredHeaders: ignored, rows: [], problems: [])
        let columnCount = header.fields.count
        let orderedMapping = mapping.sorted { $0.key < $1.key }
        while let next = reader.nextRecord() {
            switch next {
            case .failure(let error):
                result.problems.append(CustomerRowProblem(line: error.line, reason: .syntax(error.kind)))
            case .success(let record):
                if record.isBlank { continue }
                switch customer(from: record, columnCount: columnCount, mapping: orderedMapping) {
                case .success(let draft): result.rows.append(Row(line: record.line, customer: draft))
                case .failure(let problem): result.problems.append(problem)
                }
            }
        }
        return .success(result)
    }

    static func customer(
        from record: CSVRecord, columnCount: Int, mapping: [(key: Int, value: CustomerField)]
    ) -> Result<CustomerDraft, CustomerRowProblem> {
        let line = record.line
        if record.fields.count > columnCount, record.fields[columnCount...].contains(where: { !$0.isEmpty }) {
            return .failure(
                CustomerRowProblem(
                    line: line, reason: .tooManyFields(expected: columnCount, found: record.fields.count)))
        }
        var values = FieldValues()
        for (index, field) in mapping where index < record.fields.count {
            let value = record.fields[index].trimmingWhitespace()
            if value.hasMoreCharacters(than: field.maximumLength) {
                return .failure(CustomerRowProblem(line: line, reason: .tooLong(field, maximum: field.maximumLength)))
            }
            values[field] = value
        }
        return CustomerDraft.validated { values[$0] }.mapError { CustomerRowProblem(line: line, reason: $0) }
    }
}

/// The values of one row, one slot per customer field.
private struct FieldValues {
    private var slots = [String?](repeating: nil, count: CustomerField.allCases.count)

    subscript(field: CustomerField) -> String? {
        get { slots[field.ordinal] }
        set { slots[field.ordinal] = newValue }
    }
}
