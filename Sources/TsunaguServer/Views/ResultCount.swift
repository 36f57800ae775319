import Vapor

/// 「N件中 a-b件表示」. Counting a million rows on every page view is what makes a list slow, so counting stops at
/// `cap`: past it the page says 「10000件以上のうち …」 and paging goes on while pages are full.
struct ResultCount {
    static let cap = 10_000

    let total: Int
    let exact: Bool

    /// From a count of at most `cap + 1` rows.
    init(counted: Int) {
        exact = counted <= Self.cap
        total = min(counted, Self.cap)
    }

    func pages(pageSize: Int) -> Int {
        max(1, (total + pageSize - 1) / pageSize)
    }

    func line(_ request: Request, offset: Int, shown: Int) -> String {
        let from = shown == 0 ? 0 : offset + 1
        let to = offset + shown
        return request.text(
            exact
                ? .customersCount(total: total, from: from, to: to)
                : .customersCountOver(total: total, from: from, to: to))
    }
}
