/// Reads a 架電禁止リスト file: finds the encoding (CP932 or UTF-8, like the customer import), finds the number
/// column, checks every line. Every good number is kept and every bad line is reported with its line number; one
/// bad line never stops the others.
///
/// Two layouts are accepted, decided by the first line that is not blank:
/// - **With a header**: a column named 電話番号 (or TEL, phone…, the customer import's names) is required; a column
///   named メモ, 備考 or note (the first one) is the note; other columns are ignored and reported, so the file
///   `DoNotCallExportColumns` writes reads back as it is.
/// - **Numbers only, no header**: when the first line names no number column but its first field holds a digit,
///   the file is one number a line (a column copied out of a spreadsheet). A line with a second value is refused.
///
/// Anything else (a header without a number column) is refused as a whole. A number that comes again later in the
/// file is not an error: it is counted in `duplicates` and the first line's note is kept.
public struct DoNotCallCSVImport: Sendable {
    /// One number to bar, from its first line in the file.
    public struct Entry: Sendable, Equatable {
        public var line: Int
        /// E.164, as `PhoneNumber.parse` gives it.
        public var number: String
        public var note: String

        public init(line: Int, number: String, note: String) {
            self.line = line
            self.number = number
            self.note = note
        }
    }

    public enum Layout: Sendable, Equatable {
        case header(numberColumn: Int, noteColumn: Int?)
        case numbersOnly
    }

    /// The longest note kept with a number, in characters (the page's form has the same limit).
    public static let noteMaximumLength = 500

    public var encoding: TextFileEncoding
    public var layout: Layout
    /// Header titles that are neither the number nor the note.
    public var ignoredHeaders: [String]
    /// Every distinct good number, in file order.
    public var entries: [Entry]
    /// Good lines whose number came earlier in the file.
    public var duplicates: Int
    public var problems: [DoNotCallRowProblem]

    /// A problem with the file as a whole: nothing can be imported from it.
    public enum FileProblem: Error, Sendable, Equatable, UserExplainable {
        case encoding(TextFileDecoder.Failure)
        case empty
        case headerSyntax(CSVSyntaxError)
        case missingNumberColumn
        case duplicateNumberColumn

        public var explanation: LocalizedText {
            switch self {
            case .encoding(let failure): failure.explanation
            case .empty: Label.importFileEmpty.text
            case .headerSyntax(let error): error.explanation
            case .missingNumberColumn: Label.doNotCallMissingNumberColumn.text
            case .duplicateNumberColumn: Message.importDuplicateColumn(.phone).text
            }
        }
    }

    public static func read(_ bytes: [UInt8]) -> Result<DoNotCallCSVImport, FileProblem> {
        let opened: SpreadsheetCSV
        switch SpreadsheetCSV.open(bytes) {
        case .success(let value): opened = value
        case .failure(.encoding(let failure)): return .failure(.encoding(failure))
        case .failure(.empty): return .failure(.empty)
        case .failure(.syntax(let error)): return .failure(.headerSyntax(error))
        }
        var reader = opened.reader
        let first = opened.first

        var result = DoNotCallCSVImport(
            encoding: opened.encoding, layout: .numbersOnly, ignoredHeaders: [], entries: [], duplicates: 0,
            problems: [])
        var seen = Set<String>()
        let columnCount: Int
        switch layout(of: first) {
        case .failure(let problem): return .failure(problem)
        case .success(let (layout, ignored)):
            result.layout = layout
            result.ignoredHeaders = ignored
            if layout == .numbersOnly {
                columnCount = 1
                result.add(first, columnCount: columnCount, seen: &seen)
            } else {
                columnCount = first.fields.count
            }
        }
        while let next = reader.nextRecord() {
            switch next {
            case .failure(let error):
                result.problems.append(DoNotCallRowProblem(line: error.line, reason: .syntax(error.kind)))
            case .success(let record):
                if record.isBlank { continue }
                result.add(record, columnCount: columnCount, seen: &seen)
            }
        }
        return .success(result)
    }

    /// The layout the first line shows, with the header titles that are ignored.
    private static func layout(of first: CSVRecord) -> Result<(Layout, [String]), FileProblem> {
        var numberColumn: Int?
        var noteColumn: Int?
        var ignored: [String] = []
        for (index, title) in first.fields.enumerated() {
            switch CustomerField(header: title) {
            case .phone:
                if numberColumn != nil { return .failure(.duplicateNumberColumn) }
                numberColumn = index
            case .note where noteColumn == nil:
                noteColumn = index
            default:
                let trimmed = title.trimmingWhitespace()
                if !trimmed.isEmpty { ignored.append(trimmed) }
            }
        }
        if let numberColumn { return .success((.header(numberColumn: numberColumn, noteColumn: noteColumn), ignored)) }
        let startsWithDigit = first.fields.first?.unicodeScalars.contains { scalar in
            (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
        }
        return startsWithDigit == true ? .success((.numbersOnly, [])) : .failure(.missingNumberColumn)
    }

    /// Checks one line and keeps its number or its problem.
    private mutating func add(_ record: CSVRecord, columnCount: Int, seen: inout Set<String>) {
        switch Self.entry(from: record, layout: layout, columnCount: columnCount) {
        case .failure(let problem): problems.append(problem)
        case .success(let entry):
            if seen.insert(entry.number).inserted { entries.append(entry) } else { duplicates += 1 }
        }
    }

    static func entry(from record: CSVRecord, layout: Layout, columnCount: Int) -> Result<Entry, DoNotCallRowProblem> {
        let line = record.line
        if record.fields.count > columnCount, record.fields[columnCount...].contains(where: { !$0.isEmpty }) {
            return .failure(
                DoNotCallRowProblem(
                    line: line, reason: .tooManyFields(expected: columnCount, found: record.fields.count)))
        }
        let (numberColumn, noteColumn): (Int, Int?) =
            switch layout {
            case .header(let number, let note): (number, note)
            case .numbersOnly: (0, nil)
            }
        let text = numberColumn < record.fields.count ? record.fields[numberColumn] : ""
        let number: PhoneNumber
        switch PhoneNumber.parse(text) {
        case .success(let parsed): number = parsed
        case .failure(let error): return .failure(DoNotCallRowProblem(line: line, reason: .phone(error)))
        }
        let note = noteColumn.flatMap { $0 < record.fields.count ? record.fields[$0].trimmingWhitespace() : nil } ?? ""
        if note.hasMoreCharacters(than: noteMaximumLength) {
            return .failure(DoNotCallRowProblem(line: line, reason: .noteTooLong(maximum: noteMaximumLength)))
        }
        return .success(Entry(line: line, number: number.e164, note: note))
    }
}
