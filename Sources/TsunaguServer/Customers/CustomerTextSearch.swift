import FluentKit
import SQLKit

/// Searching inside 会社名, 会社名フリガナ, 住所 and 電話番号's digits through the trigram index
/// (`AddCustomerTextSearch`) where it is quicker than reading every row.
///
/// The index is asked for one trigram of the typed text only, the rarest: a LIKE over the whole text makes FTS5
/// read every trigram's posting list, and in real data some are in nearly every row (カブシキガイシャ, 中央). The
/// LIKE on the column itself always stays as well, so the index only narrows the rows, never changes the answer.
/// Not used when: the database is not SQLite, the text is shorter than three characters, LIKE wildcards were
/// typed, a character changes under case folding (the index folds, the lookup would have to fold alike), or even
/// the rarest trigram is in so many rows that reading in page order finds a page sooner.
enum CustomerTextSearch {
    enum Column: String, Sendable {
        case company, companyKana = "company_kana", address, phone = "phone_e164"
    }

    /// Above this many candidate rows (all tenants), reading in page order finds a page sooner than collecting
    /// and sorting the candidates.
    static let candidateLimit = 20_000

    /// What to ask the index for.
    enum Lookup: Hashable, Sendable {
        /// The rows holding the text's rarest trigram.
        case trigram(String)
        /// The rows holding the whole text, for when every trigram alone is common but together they are rare
        /// (ひかり電機 4): FTS5 then reads every trigram's posting list, which costs more but still less than the rows.
        case whole(String)
    }

    /// From this many candidate rows a page is read in its own order, testing each row against the candidates,
    /// instead of sorting every candidate. Sorting costs about 1.5 µs a candidate; reading in page order about
    /// 3 µs for each row passed on the way to 50 matches, which is many rows when few match. At a million
    /// customers they cross near 10,000 (中央7-: 20,000 candidates, 32 ms sorted, 2 ms in page order; ひかり電機 4:
    /// 3,471, 6 ms sorted, 47 ms in page order).
    static let pageOrderCandidates = 10_000

    /// How to narrow the rows through the index, or nil to read the rows.
    static func lookup(_ column: Column, _ text: String, on database: any Database) async throws -> Lookup? {
        try await lookupWithCandidates(column, text, on: database)?.lookup
    }

    /// The lookup and how many rows (all tenants) the index gives for it.
    static func lookupWithCandidates(_ column: Column, _ text: String, on database: any Database) async throws -> (
        lookup: Lookup, candidates: Int
    )? {
        guard let sql = database.sqlite else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3,
            !scalars.contains(where: { $0 == "%" || $0 == "_" || $0 == "\\" || $0 == "\"" }),
            scalars.allSatisfy({ $0.isASCII || !$0.properties.changesWhenCaseMapped })
        else { return nil }
        var rarest: (trigram: String, rows: Int)?
        var seen = Set<String>()
        for start in 0...(scalars.count - 3) {
            let trigram = String(String.UnicodeScalarView(scalars[start..<(start + 3)])).lowercased()
            guard seen.insert(trigram).inserted else { continue }
            let rows = try await candidates(.trigram(trigram), column, on: sql)
            if rarest == nil || rows < rarest!.rows { rarest = (trigram, rows) }
            if rows == 0 { break }
        }
        if let rarest, rarest.rows <= candidateLimit { return (.trigram(rarest.trigram), rarest.rows) }
        guard scalars.count > 3 else { return nil }
        let whole = try await candidates(.whole(text), column, on: sql)
        return whole <= candidateLimit ? (.whole(text), whole) : nil
    }

    /// How many rows the index gives for the lookup, counting no further than just past the limit (so a trigram
    /// in every row costs no more than a rare one).
    private static func candidates(_ lookup: Lookup, _ column: Column, on sql: any SQLDatabase) async throws -> Int {
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS \(ident: "rows") FROM (SELECT rowid FROM \(ident: AddCustomerTextSearch.table) \
            WHERE \(condition(lookup, column)) LIMIT \(unsafeRaw: String(candidateLimit + 1)))
            """
        ).first()
        return try row?.decode(column: "rows", as: Int.self) ?? 0
    }

    /// `table.rowid IN (the rows the index gives)`, for `table` the customers table or its alias. With
    /// `drivesQuery` false the test is `+rowid IN …`: SQLite then does not read the rows through the candidates
    /// but tests each row it reads another way (in page order) against them.
    static func matching(_ column: Column, _ lookup: Lookup, table: String, drivesQuery: Bool = true)
        -> any SQLExpression
    {
        SQLQueryString(
            """
            \(unsafeRaw: drivesQuery ? "" : "+")\(ident: table).rowid IN (SELECT rowid FROM \
            \(ident: AddCustomerTextSearch.table) WHERE \(condition(lookup, column)))
            """)
    }

    private static func condition(_ lookup: Lookup, _ column: Column) -> SQLQueryString {
        switch lookup {
        case .trigram(let trigram): "\(ident: AddCustomerTextSearch.table) MATCH \(bind: query(column, trigram))"
        case .whole(let text): "\(ident: column.rawValue) LIKE \(bind: "%" + text + "%")"
        }
    }

    /// An FTS5 query for one phrase in one column (the trigram has no `"`: those texts are not looked up).
    private static func query(_ column: Column, _ trigram: String) -> String {
        "{\(column.rawValue)} : \"\(trigram)\""
    }
}
