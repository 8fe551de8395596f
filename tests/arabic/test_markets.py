from isnad.arabic.markets import is_market_report, session_marks
from isnad.arabic.normalize import normalize

WEDNESDAY = "صعدت أسعار خام برنت فوق 50 دولارا للبرميل في التعاملات الآسيوية اليوم الأربعاء"
THURSDAY_GULF = "غلبت الإيجابية على مؤشرات أسواق المنطقة في تعاملات جلسة أمس الأربعاء ليغلق عند 6429.83 نقطة"


def test_a_session_report_names_its_day_after_today_or_yesterday() -> None:
    days, closes = session_marks(WEDNESDAY, [50, 50.35])
    assert days == {normalize("الأربعاء")}
    assert closes == set()  # crude is quoted at every hour: its price is no session's close
    # "Yesterday Wednesday" in Thursday's paper names the same session as "today Wednesday".
    assert session_marks(THURSDAY_GULF, [6429.83])[0] == days


def test_an_index_report_gives_its_close_but_not_round_numbers_or_percentages() -> None:
    lead = "سجل مؤشر سوق الأسهم السعودية اليوم ارتفاعاً بـ 21.29 نقطة ليغلق عند مستوى 8790.77 نقطة"
    # The caller leaves percentages out; round numbers (3 billion riyals) recur across sessions.
    assert session_marks(lead, [21.29, 8790.77, 3]) == (set(), {"21.29", "8790.77"})


def test_a_weekday_not_after_today_or_yesterday_is_not_the_session() -> None:
    lead = "تراجعت أسعار النفط بعد أن أظهرت بيانات يوم الأربعاء هبوط مخزونات الخام 4.4 مليون برميل"
    assert session_marks(lead, [4.4]) == (set(), set())


def test_only_market_reports_have_session_marks() -> None:
    assert not is_market_report("زار أمير عسير اليوم الخميس المصابين في المستشفى")
    assert session_marks("زار أمير عسير اليوم الخميس المصابين في المستشفى", [1.5]) == (set(), set())
    assert is_market_report("سجل مؤشر سوق الأسهم السعودية ارتفاعاً بـ 21.29 نقطة")
