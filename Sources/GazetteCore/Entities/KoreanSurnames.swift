/// Korean family names in the romanisations English-language news uses (Revised
/// Romanization, McCune-Reischauer and common personal spellings). A Korean name is
/// written surname first: "Park Han-ki", "Moon Jae-in", "Kim Jong Un".
enum KoreanSurnames {
    static let all: Set<String> = [
        "Kim", "Gim", "Lee", "Yi", "Rhee", "Ri", "Park", "Pak", "Bak", "Choi", "Choe", "Jeong", "Jung", "Chung", "Cheong",
        "Kang", "Gang", "Cho", "Jo", "Yoon", "Yun", "Jang", "Chang", "Lim", "Im", "Rim", "Han", "Oh", "O", "Seo", "Suh",
        "Shin", "Sin", "Kwon", "Gwon", "Hwang", "Ahn", "An", "Song", "Yoo", "Yu", "Ryu", "Hong", "Jeon", "Jun", "Chun",
        "Ko", "Go", "Koh", "Moon", "Mun", "Yang", "Son", "Sohn", "Bae", "Pae", "Baek", "Paik", "Heo", "Huh", "Nam",
        "Noh", "Roh", "No", "Ha", "Kwak", "Gwak", "Sung", "Seong", "Cha", "Joo", "Ju", "Chu", "Woo", "Wu", "Koo", "Ku",
        "Gu", "Min", "Na", "Ra", "Jin", "Chin", "Ji", "Chi", "Uhm", "Eom", "Chae", "Won", "Bang", "Pang", "Gong", "Kong",
        "Hyun", "Hyeon", "Ham", "Byun", "Byeon", "Pyun", "Yeom", "Yum", "Yeo", "Yeh", "Ye", "Choo", "Do", "To", "So",
        "Seok", "Suk", "Sun", "Seol", "Sul", "Ma", "Gil", "Kil", "Yeon", "Wi", "Pyo", "Myung", "Myeong", "Ki", "Gi", "Ban",
        "Wang", "Geum", "Keum", "Ok", "Yook", "Yuk", "In", "Maeng", "Je", "Mo", "Tak", "Kook", "Guk", "Yeom", "Bong",
        "Pyeon", "Eun", "Ok", "Cheon", "Chon", "Hahm", "Hur", "Lyu", "Rho", "Shim", "Sim", "Whang", "Youn", "Yoo", "Jee",
    ]
}
