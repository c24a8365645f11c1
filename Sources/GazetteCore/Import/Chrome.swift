/// Site chrome: the menus, buttons, notices and headline lists around an article.
///
/// A built-in list covers a single page; across a batch from one site, `BatchChrome`
/// learns the lines that repeat on a large share of pages.
public enum Chrome {
    /// Lines that are chrome wherever they appear (compared case-insensitively).
    static let lines: Set<String> = [
        "menu content", "go top", "top", "close", "list", "menu", "search", "home", "share", "print", "email",
        "facebook", "twitter", "kakaotalk", "kakao story", "line", "copy url", "url copy", "font size", "prev", "next",
        "previous", "previous article", "next article", "back to list", "listen", "play", "pause", "stop",
        "login", "log in", "sign in", "subscribe", "advertisement", "ad", "skip to content", "skip to main content",
        "more", "read more", "view more", "all", "a a", "a+ a-", "scrap", "comments", "0 comments", "(end)", "(end/yna)",
        "go to contents", "go to content", "skip navigation", "jump to content", "go to navigation",
        "skip to navigation", "go to menu", "go to main content", "skip to main navigation", "back to top", "go to top",
        "main menu", "all menu", "full menu",
        // The same buttons on the language services' pages (written by this project).
        "홈", "메뉴", "검색", "로그인", "공유", "닫기", "본문 바로가기", "首页", "首頁", "菜单", "搜索", "登录", "分享", "返回顶部",
        "ホーム", "メニュー", "検索", "ログイン", "共有", "الرئيسية", "القائمة", "بحث", "تسجيل الدخول", "مشاركة", "главная",
        "меню", "поиск", "войти", "поделиться", "inicio", "menú", "buscar", "compartir", "accueil", "rechercher",
        "partager", "startseite", "suche", "teilen", "trang chủ", "tìm kiếm", "chia sẻ", "beranda", "cari", "bagikan",
    ]

    /// Lines after which everything is chrome: lists of other headlines.
    static let tailMarkers: Set<String> = [
        "related news", "editor's pick", "editors' pick", "editor’s pick", "most viewed", "most read", "latest news",
        "most popular", "most commented", "most shared", "popular", "popular stories",
        "recommended", "recommended articles", "more from", "popular news", "top stories", "you may also like",
        "related articles", "more stories", "trending", "hot issues",
        "관련 기사", "많이 본 기사", "相关新闻", "热门新闻", "関連記事", "アクセスランキング", "أخبار ذات صلة", "الأكثر قراءة",
        "читайте также", "похожие новости", "noticias relacionadas", "à lire aussi", "mehr zum thema", "tin liên quan",
        "berita terkait",
    ]

    /// Prefixes of notices that are chrome (cookie banners, copyright lines).
    static let prefixes: [String] = [
        "this website uses cookies", "we use cookies", "by continuing to use", "copyright ", "© ", "ⓒ copyright",
        "all rights reserved", "unauthorized reproduction", "[ⓒ", "<ⓒ", "subscribe to ", "subscribe now", "sign up for ",
        "get unlimited access", "already a subscriber", "start your free trial", "download the app",
    ]

    static func key(_ line: String) -> String {
        line.trimmed().lowercased()
    }

    public static func isChrome(_ line: String) -> Bool {
        guard line.utf8.count < 400 else { return false }
        return isChrome(key: key(line))
    }

    /// The same for a line already normalised with `key`.
    static func isChrome(key k: String) -> Bool {
        if lines.contains(k) { return true }
        return prefixes.contains { k.hasPrefix($0) } || k.hasSuffix("all rights reserved.")
    }

    public static func isTailMarker(_ line: String) -> Bool { tailMarkers.contains(key(line)) }
}

/// Lines that repeat across many pages of one batch are chrome, whatever they say.
public struct BatchChrome: Sendable {
    public private(set) var lines: Set<String> = []

    /// `pages`: the distinct lines of each page. A line is chrome when it appears on at
    /// least half of the pages, in a batch of at least `minimumPages`.
    /// Fewer pages than this teach nothing about a site's chrome.
    public static let minimumPages = 4

    public init(pages: [Set<String>], share: Double = 0.5) {
        guard pages.count >= Self.minimumPages else { return }
        var counts: [String: Int] = [:]
        for page in pages { for line in page { counts[line, default: 0] += 1 } }
        let threshold = max(2, Int((Double(pages.count) * share).rounded(.up)))
        lines = Set(counts.filter { $0.value >= threshold }.keys)
    }

    public init(lines: Set<String>) { self.lines = lines }

    public func contains(_ line: String) -> Bool { lines.contains(Chrome.key(line)) }

    /// The distinct, normalised non-empty lines of a text, for counting across a batch.
    public static func distinctLines(_ text: String) -> Set<String> {
        Set(TextLines.split(text, omittingEmpty: true).map { Chrome.key(String($0)) }.filter { !$0.isEmpty })
    }
}
