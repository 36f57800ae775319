import Foundation

extension JapaneseHolidays {
    /// The days Article 3 of 国民の祝日に関する法律 gives off because of where the 国民の祝日 fall: 振替休日 after one on
    /// a Sunday, and 国民の休日 between two of them. The amendment that took effect in 2007 changed both paragraphs,
    /// so the year decides which wording applies.
    static func daysOffAddedByArticle3(to national: [JapaneseHoliday], in year: Int) -> [JapaneseHoliday] {
        let nationalDays = Set(national.map(\.date.dayNumber))
        var added: [Int: JapaneseHoliday] = [:]

        // ¶2. Before 2007: 「その翌日を休日とする」, the Monday only. From 2007: 「その日後においてその日に最も近い
        // 「国民の祝日」でない日」, so みどりの日 on Sunday 2008-05-04 gives 5/6, past こどもの日 on the Monday.
        for holiday in national where holiday.date.weekday == .sunday {
            var day = holiday.date.dayNumber + 1
            if year >= 2007 {
                while nationalDays.contains(day) { day += 1 }
            } else if nationalDays.contains(day) {
                continue
            }
            added[day] = JapaneseHoliday(date: CivilDate(dayNumber: day), name: "振替休日", kind: .substitute)
        }

        // ¶3. A day whose day before and day after are both 国民の祝日 (a 振替休日 next door does not count). Before
        // 2007 the law left out Sundays and days already off under ¶2 (so 2003-05-04, a Sunday, stayed a Sunday);
        // from 2007 it only leaves out 国民の祝日, but the one gap left, 敬老の日 to 秋分の日, always falls on a
        // Tuesday. A day both paragraphs give off is named once, as a 振替休日.
        for holiday in national {
            let day = holiday.date.dayNumber + 1
            guard nationalDays.contains(day + 1), !nationalDays.contains(day), added[day] == nil else { continue }
            let date = CivilDate(dayNumber: day)
            if year < 2007 && date.weekday == .sunday { continue }
            added[day] = JapaneseHoliday(date: date, name: "国民の休日", kind: .citizens)
        }
        return Array(added.values)
    }
}
