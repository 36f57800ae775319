import Foundation

extension JapaneseHolidays {
    /// The 国民の祝日 of `year` (Article 2 of 国民の祝日に関する法律), with each amendment since 2000 at the year it
    /// took effect, and the days special laws moved or added: the Tokyo Olympics of 2020 (held in 2021) and the
    /// enthronement of 2019. Unsorted.
    static func nationalHolidays(in year: Int) -> [JapaneseHoliday] {
        var days: [(month: Int, day: Int, name: String)] = [
            (1, 1, "元日"),
            // Happy Monday (amended 1998, from 2000): the second Monday instead of 1/15.
            (1, nthMonday(2, ofMonth: 1, in: year), "成人の日"),
            (2, 11, "建国記念の日"),
            (3, vernalEquinoxDay(in: year), "春分の日"),
            (5, 3, "憲法記念日"),
            (5, 5, "こどもの日"),
            (9, autumnalEquinoxDay(in: year), "秋分の日"),
            (11, 3, "文化の日"),
            (11, 23, "勤労感謝の日"),
        ]

        // Amended 2005, from 2007: 4/29 became 昭和の日 and みどりの日 moved to 5/4, which until then was off only as
        // a 国民の休日 squeezed between 5/3 and 5/5.
        if year < 2007 {
            days.append((4, 29, "みどりの日"))
        } else {
            days += [(4, 29, "昭和の日"), (5, 4, "みどりの日")]
        }

        // The emperor's birthday: Akihito's until his abdication on 2019-04-30, none in 2019, Naruhito's from 2020.
        if year <= 2018 {
            days.append((12, 23, "天皇誕生日"))
        } else if year >= 2020 {
            days.append((2, 23, "天皇誕生日"))
        }

        // The enthronement: a special law made these two days off and deemed them 国民の祝日 for Article 3, so they
        // make 4/30 and 5/2 into 国民の休日. The Cabinet Office lists them as 「休日（祝日扱い）」.
        if year == 2019 {
            days += [(5, 1, "天皇の即位の日"), (10, 22, "即位礼正殿の儀の行われる日")]
        }

        // The Olympic special measures law moved three holidays around the opening and closing ceremonies, in 2020
        // and again when the games were postponed to 2021.
        switch year {
        case 2020:
            days += [(7, 23, "海の日"), (8, 10, "山の日"), (7, 24, "スポーツの日")]
        case 2021:
            days += [(7, 22, "海の日"), (8, 8, "山の日"), (7, 23, "スポーツの日")]
        default:
            // Happy Monday (amended 2001, from 2003): the third Mondays instead of 7/20 and 9/15.
            days.append(year < 2003 ? (7, 20, "海の日") : (7, nthMonday(3, ofMonth: 7, in: year), "海の日"))
            // 山の日 (amended 2014, from 2016).
            if year >= 2016 { days.append((8, 11, "山の日")) }
            // Happy Monday from 2000; renamed スポーツの日 (amended 2018, from 2020).
            days.append((10, nthMonday(2, ofMonth: 10, in: year), year < 2020 ? "体育の日" : "スポーツの日"))
        }
        days.append(year < 2003 ? (9, 15, "敬老の日") : (9, nthMonday(3, ofMonth: 9, in: year), "敬老の日"))

        return days.map { month, day, name in
            JapaneseHoliday(date: CivilDate(year: year, month: month, day: day)!, name: name, kind: .national)
        }
    }

    /// The day of the month of the `n`th Monday of `month`: Happy Monday holidays are "the second Monday of January".
    private static func nthMonday(_ n: Int, ofMonth month: Int, in year: Int) -> Int {
        let first = CivilDate(year: year, month: month, day: 1)!.weekday.rawValue
        let firstMonday = 1 + (Weekday.monday.rawValue - first + 7) % 7
        return firstMonday + 7 * (n - 1)
    }
}
