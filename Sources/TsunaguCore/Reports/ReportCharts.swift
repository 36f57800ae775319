import Foundation

/// The reports' charts as SVG drawn on the server (nothing from a CDN): when to call (contact rate by weekday and
/// hour) and the daily trend of calls and contacts. Pure functions of the figures; every text is escaped.
public enum ReportCharts {
    /// One cell of the heat map: calls and contacts placed in that weekday's hour.
    public struct Cell: Sendable, Hashable {
        public var calls = 0
        public var contacts = 0

        public init(calls: Int = 0, contacts: Int = 0) {
            self.calls = calls
            self.contacts = contacts
        }

        public var rate: Double? { calls == 0 ? nil : Double(contacts) / Double(calls) }
    }

    /// 7 rows (Monday first) × 24 hours. The darker the cell, the higher the contact rate; an empty cell had no call.
    /// - Parameter weekdays: the rows' names, Monday first.
    public static func heatMap(_ cells: [[Cell]], weekdays: [String], title: String) -> String {
        let (cellWidth, cellHeight, left, top) = (28, 22, 44, 24)
        let width = left + 24 * cellWidth + 8
        let height = top + 7 * cellHeight + 8
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="heat-map" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-label="\(escape(title))"><title>\(escape(title))</title>
            """
        for hour in 0..<24 {
            svg += """
                <text x="\(left + hour * cellWidth + cellWidth / 2)" y="\(top - 8)" text-anchor="middle" \
                class="axis">\(hour)</text>
                """
        }
        for (row, name) in weekdays.prefix(7).enumerated() {
            svg += """
                <text x="\(left - 6)" y="\(top + row * cellHeight + cellHeight / 2 + 4)" text-anchor="end" \
                class="axis">\(escape(name))</text>
                """
            for hour in 0..<24 {
                let cell = row < cells.count && hour < cells[row].count ? cells[row][hour] : Cell()
                let x = left + hour * cellWidth
                let y = top + row * cellHeight
                let fill: String
                let label: String
                if let rate = cell.rate {
                    // From a pale to a deep blue as the rate goes from 0 to 100 %.
                    let lightness = Int((92 - 62 * rate).rounded())
                    fill = "hsl(212, 62%, \(lightness)%)"
                    label = "\(escape(name)) \(hour):00 \(percent(rate)) (\(cell.contacts)/\(cell.calls))"
                } else {
                    fill = "#f4f6fa"
                    label = "\(escape(name)) \(hour):00 —"
                }
                svg += """
                    <rect x="\(x)" y="\(y)" width="\(cellWidth - 2)" height="\(cellHeight - 2)" fill="\(fill)" \
                    data-weekday="\(row)" data-hour="\(hour)" data-calls="\(cell.calls)" \
                    data-contacts="\(cell.contacts)"><title>\(label)</title></rect>
                    """
            }
        }
        return svg + "</svg>"
    }

    /// Calls (bars) and contacts (the darker part of each bar) per day.
    public static func dailyTrend(_ days: [(day: String, calls: Int, contacts: Int)], title: String) -> String {
        let (left, top, plotHeight, bottom) = (44, 12, 160, 36)
        let barWidth = max(4, min(28, 720 / max(days.count, 1)))
        let width = left + days.count * barWidth + 12
        let height = top + plotHeight + bottom
        let highest = max(1, days.map(\.calls).max() ?? 1)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="trend" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-label="\(escape(title))"><title>\(escape(title))</title>
            <line x1="\(left)" y1="\(top + plotHeight)" x2="\(width - 8)" y2="\(top + plotHeight)" class="axis-line"/>
            <text x="\(left - 6)" y="\(top + 4)" text-anchor="end" class="axis">\(highest)</text>
            <text x="\(left - 6)" y="\(top + plotHeight)" text-anchor="end" class="axis">0</text>
            """
        let labelEvery = max(1, days.count / 12)
        for (index, day) in days.enumerated() {
            let x = left + index * barWidth
            let callsHeight = Double(plotHeight) * Double(day.calls) / Double(highest)
            let contactsHeight = Double(plotHeight) * Double(day.contacts) / Double(highest)
            let rate = day.calls == 0 ? "—" : percent(Double(day.contacts) / Double(day.calls))
            svg += """
                <g data-day="\(escape(day.day))" data-calls="\(day.calls)" data-contacts="\(day.contacts)">\
                <title>\(escape(day.day)) \(day.calls) / \(day.contacts) (\(rate))</title>\
                <rect x="\(x + 1)" y="\(format(Double(top + plotHeight) - callsHeight))" width="\(barWidth - 2)" \
                height="\(format(callsHeight))" class="calls"/>\
                <rect x="\(x + 1)" y="\(format(Double(top + plotHeight) - contactsHeight))" width="\(barWidth - 2)" \
                height="\(format(contactsHeight))" class="contacts"/></g>
                """
            if index % labelEvery == 0 {
                svg += """
                    <text x="\(x + barWidth / 2)" y="\(top + plotHeight + 14)" text-anchor="middle" \
                    class="axis">\(escape(String(day.day.suffix(5))))</text>
                    """
            }
        }
        return svg + "</svg>"
    }

    static func percent(_ rate: Double) -> String { String(format: "%.1f%%", rate * 100) }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Text for SVG/XML: & < > " ' escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
