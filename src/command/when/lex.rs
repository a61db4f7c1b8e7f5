//! Text handling for the deadline parser (pure): normalisation of full-width and traditional
//! characters, stripping of "before" wrappers (截止…/…前), and a character cursor that reads
//! Arabic and Chinese numerals.

/// Input normalised for matching: full-width digits and punctuation folded to ASCII, common
/// traditional characters folded to simplified, whitespace runs collapsed to one space, and
/// surrounding quotes / trailing sentence punctuation removed.
pub(super) fn normalise(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut last_space = true;
    for c in input.chars() {
        let c = fold(c);
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    let mut s = out.trim().to_owned();
    // Quotes around the whole expression and sentence punctuation after it carry no meaning.
    loop {
        let before = s.len();
        for q in [
            '"', '\'', '“', '”', '‘', '’', '「', '」', '。', '!', ',', ';', '、', '~', '.',
        ] {
            if let Some(rest) = s.strip_suffix(q) {
                s = rest.trim_end().to_owned();
            }
            if let Some(rest) = s.strip_prefix(q) {
                s = rest.trim_start().to_owned();
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

fn fold(c: char) -> char {
    match c {
        // Full-width ASCII block (digits, letters, punctuation) to ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '〜' => '~',
        '—' | '–' => '-',
        '點' => '点',
        '週' => '周',
        '後' => '后',
        '號' => '号',
        '時' => '时',
        '個' => '个',
        '兩' => '两',
        '鐘' => '钟',
        '節' => '节',
        '禮' => '礼',
        '這' => '这',
        '內' => '内',
        _ => c,
    }
}

/// Leading words, and whether each one means "by X" in the sense of C9 (截止X = X前). 最晚/最迟/
/// 在/于/到 only introduce the time.
const LEADING: &[(&str, bool)] = &[
    ("截止到", true),
    ("截止至", true),
    ("截至到", true),
    ("截止", true),
    ("截至", true),
    ("不晚于", true),
    ("最晚", false),
    ("最迟", false),
    ("务必在", false),
    ("请在", false),
    ("在", false),
    ("于", false),
    ("到", false),
];
/// Trailing words that say "by X" (C9): …之前/以前/前/截止/为止.
const TRAILING: &[&str] = &["之前", "以前", "截止", "截至", "为止", "前"];

/// The expression without its "by" wrappers, and whether a trailing 前 (or synonym) was present.
/// `上班前`/`下班前` keep their 前: they are parts of the day, not wrappers.
pub(super) fn strip_wrappers(s: &str) -> (String, bool) {
    let mut s = s.trim().to_owned();
    let mut before = false;
    loop {
        let start = s.len();
        for (w, by) in LEADING {
            if let Some(rest) = s.strip_prefix(w)
                && !rest.trim().is_empty()
            {
                s = rest.trim_start().to_owned();
                before |= *by;
            }
        }
        for w in TRAILING {
            if s.ends_with("上班前") || s.ends_with("下班前") {
                break;
            }
            if let Some(rest) = s.strip_suffix(w)
                && !rest.trim().is_empty()
            {
                s = rest.trim_end().to_owned();
                before = true;
            }
        }
        if s.len() == start {
            return (s, before);
        }
    }
}

/// A number read from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Num {
    /// Its value, saturated at a large bound so absurd inputs cannot overflow.
    pub(super) value: i64,
    /// How many Arabic digits were written (0 for Chinese numerals); `02` has 2.
    pub(super) digits: usize,
}

/// Numbers above this are kept at this value; every caller refuses them.
const CAP: i64 = 1_000_000_000;

/// A cursor over the normalised characters.
#[derive(Debug, Clone)]
pub(super) struct Cursor {
    chars: Vec<char>,
    pos: usize,
}

impl Cursor {
    pub(super) fn new(s: &str) -> Self {
        Self {
            chars: s.chars().collect(),
            pos: 0,
        }
    }

    pub(super) fn mark(&self) -> usize {
        self.pos
    }

    pub(super) fn reset(&mut self, mark: usize) {
        self.pos = mark;
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    /// Skips spaces.
    pub(super) fn ws(&mut self) {
        while self.peek() == Some(' ') {
            self.pos += 1;
        }
    }

    /// Consumes `s` if the input continues with it.
    pub(super) fn eat(&mut self, s: &str) -> bool {
        let mut i = self.pos;
        for c in s.chars() {
            if self.chars.get(i) != Some(&c) {
                return false;
            }
            i += 1;
        }
        self.pos = i;
        true
    }

    /// Consumes the first of `words` the input continues with (list longer words first).
    pub(super) fn eat_any(&mut self, words: &[&'static str]) -> Option<&'static str> {
        words.iter().copied().find(|w| self.eat(w))
    }

    /// An Arabic (`12`, `02`) or Chinese (`十二`, `两`, `二〇二六`) number.
    pub(super) fn number(&mut self) -> Option<Num> {
        self.arabic().or_else(|| self.chinese())
    }

    /// An Arabic number only.
    pub(super) fn arabic(&mut self) -> Option<Num> {
        let mut value: i64 = 0;
        let mut digits = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            value = value.saturating_mul(10).saturating_add(i64::from(d)).min(CAP);
            digits += 1;
            self.pos += 1;
        }
        (digits > 0).then_some(Num { value, digits })
    }

    /// A Chinese number: positional (`二〇二六`) or with 十/百/千 (`二十五`, `一百零五`).
    pub(super) fn chinese(&mut self) -> Option<Num> {
        let start = self.pos;
        let mut run = Vec::new();
        while let Some(c) = self.peek() {
            if cn_digit(c).is_some() || matches!(c, '十' | '百' | '千') {
                run.push(c);
                self.pos += 1;
            } else {
                break;
            }
        }
        if run.is_empty() {
            return None;
        }
        let structured = run.iter().any(|c| matches!(c, '十' | '百' | '千'));
        let mut value: i64 = 0;
        if structured {
            let mut cur: Option<i64> = None;
            for c in &run {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    '千' => 1000,
                    _ => {
                        if cur.is_some() && cn_digit(*c) != Some(0) {
                            // Two digits in a row in a structured number (二三十) is not a number.
                            self.pos = start;
                            return None;
                        }
                        cur = cn_digit(*c).filter(|d| *d != 0);
                        continue;
                    }
                };
                value = value.saturating_add(cur.unwrap_or(1).saturating_mul(unit));
                cur = None;
            }
            value = value.saturating_add(cur.unwrap_or(0));
        } else {
            for c in &run {
                value = value
                    .saturating_mul(10)
                    .saturating_add(cn_digit(*c).unwrap_or(0))
                    .min(CAP);
            }
        }
        Some(Num {
            value: value.min(CAP),
            digits: 0,
        })
    }
}

fn cn_digit(c: char) -> Option<i64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_colons_and_spaces_are_folded() {
        assert_eq!(normalise("１１月３０日　１８：００"), "11月30日 18:00");
        assert_eq!(normalise("  明天   下午3点。 "), "明天 下午3点");
    }

    #[test]
    fn wrappers_are_stripped_and_before_is_remembered() {
        assert_eq!(strip_wrappers("截止周五"), ("周五".to_owned(), true));
        assert_eq!(strip_wrappers("最晚周五"), ("周五".to_owned(), false));
        assert_eq!(strip_wrappers("在下周五之前"), ("下周五".to_owned(), true));
        assert_eq!(strip_wrappers("周四前"), ("周四".to_owned(), true));
        assert_eq!(strip_wrappers("明天下班前"), ("明天下班前".to_owned(), false));
        assert_eq!(strip_wrappers("前"), ("前".to_owned(), false));
    }

    #[test]
    fn chinese_numerals_are_read() {
        let n = |s: &str| Cursor::new(s).number().map(|n| n.value);
        assert_eq!(n("十二"), Some(12));
        assert_eq!(n("二十五"), Some(25));
        assert_eq!(n("三十一"), Some(31));
        assert_eq!(n("两"), Some(2));
        assert_eq!(n("二〇二六"), Some(2026));
        assert_eq!(n("一百零五"), Some(105));
        assert_eq!(n("02"), Some(2));
        assert_eq!(n("二三十"), None);
        assert_eq!(n("99999999999999999999"), Some(CAP));
    }
}
