"""Small article pages rebuilt from the texts in /work/shared/seeds, as the crawler gets them.

Each builder returns the page's bytes.  The markup is invented but the hazards are the real
ones: GB2312 declared over GBK bytes, flattened pinyin (`區(qū)`), spam `<title>` prefixes,
breadcrumbs, info bars, 导读 leads repeated in the text, source and date glued together,
disclaimers and comment widgets.
"""

# ruff: noqa: E501  -- page fixtures: a line of markup is as long as the paragraph it holds.

from __future__ import annotations

# --- Seed 000: a traditional-script mirror with flattened pinyin and a spam <title> ---------

MIRROR_URL = "http://www.xinxibao.example/gn/2023/0624/4471.html"


def mirror_page() -> bytes:
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>久久久人人人婷婷色东京热,久久精品aⅴ无码中文字字幕重口_通訊!洪澤區(qū)工業(yè)經(jīng)濟發展工作委員會召開第二次會議</title>
<script>var _hmt = _hmt || []; document.write("<div>廣告</div>");</script>
<style>.main { width: 960px }</style>
</head><body>
<div class="top">久久久人人人婷婷色东京热,久久精品aⅴ无码中文字字幕重口</div>
<div class="weizhi">您的位置:<a href="/">首頁(yè)</a> &gt; <a href="/gn/">國內(nèi)</a> &gt;</div>
<div class="main">
  <h1>通訊!洪澤區(qū)工業(yè)經(jīng)濟發展工作委員會召開第二次會議</h1>
  <div class="info">2023-06-24 19:04:19 來源:搜狐號-信息新報</div>
  <div class="text">
    <p style="text-align:center"><img src="/img/4471.jpg"></p>
    <p style="text-align:center">(資料圖片)</p>
    <p>洪澤區(qū)工業(yè)經(jīng)濟發展工作委員會召開第二次會議</p>
    <p>6月19日,區(qū)委書記張沖林主持召開區(qū)工業(yè)經(jīng)濟發展工作委員會2023年度第二次會議,專題總結中國化纖科技大會成果,推動洪澤纖維產業邁向新臺階。</p>
    <p>會議傳達市委副書記趙正蘭在中國化纖科技大會主論壇上的講話精神。會議指出,趙正蘭書記的講話增強了洪澤的發展信心,為洪澤深入推進纖維主導產業的發展注入了更強動力。</p>
    <p>會議要求,抓住機會,放大大會的磁場效應。各部門、各鎮街要加強與對接企業的常態化互動,對重點企業進行重點回訪,及時開展招商考察。</p>
  </div>
  <div class="keywords">關鍵詞:</div>
  <div class="pinglun"><a href="#comment">參與評論</a></div>
</div>
<div class="footer">Copyright © 2023 信息新報 備案號:京ICP備12345678號</div>
</body></html>""".encode()


# --- Seed 001: a local portal, GB2312 declared, GBK bytes (traditional script) --------------

PORTAL_URL = "http://www.d7760.example/news/show-85512.html"


def portal_page() -> bytes:
    return """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>市委市政府舉行2024年第二次重特大產業項目攻堅拉練_淮安新聞_淮安114網</title>
</head><body>
<div class="head">淮安市 漣水縣 盱眙縣 金湖縣 其他地區
  <a href="/post/">無(wú)須注冊(cè),完全免費(fèi),只要2步,立即發布信息</a></div>
<div class="pos">首頁(yè) &gt; <a href="/news/">淮安新聞</a> &gt; 市委市政府舉行2024年第二次重特大產業項目攻堅拉練</div>
<div class="news">
  <h1>市委市政府舉行2024年第二次重特大產業項目攻堅拉練</h1>
  <div class="tool">發(fā)布時(shí)間: 2024-07-24 10:33&nbsp;&nbsp;關注度:675<a href="#">評(píng) 論</a>
    <a href="#">轉(zhuǎn) 發(fā)</a> <a href="#">收 藏</a> <a href="javascript:print()">打 印</a></div>
  <div class="summary">導(dǎo)讀:昨日,市委市政府舉行2024年第二次重特大產業項目攻堅拉練,市委書記史志軍、市長顧坤、市政協主席戚壽余分別帶隊,分三組赴8個縣區園區。</div>
  <div class="text">
    <p>淮安日報訊:昨日,市委市政府舉行2024年第二次重特大產業項目攻堅拉練,市委書記史志軍、市長顧坤、市政協主席戚壽余分別帶隊,分三組赴8個縣區園區,實地觀摩全市58個製造業項目。</p>
    <p>在洪澤區(qū),大家實地觀摩了羅孚橡膠(江蘇)有限公司年產1.35萬噸高分子彈性體項目、江蘇沃盾耐磨新材料有限公司年產2萬噸耐磨復合板(新廠區(qū))項目。</p>
    <p>在金湖縣,史志軍現場觀摩了江蘇博華動力科技有限公司新能源汽車零部件和機器人部件智能製造項目,深入了解金湖縣今年以來重特大項目攻堅成效。</p>
    <p>■融媒體記者 葉 列 唐筱葳,通 訊 員 華明剛</p>
    <p>聲明:淮安114網(wǎng)(d7760.cn)所刊載的新聞資訊均來源於互聯網新聞網站,淮安114網不生產、不製造新聞,如有侵犯您的權益,請及時與我們聯繫。</p>
  </div>
</div>
</body></html>""".encode("gbk")


# --- Seed 002: a city news site, simplified script, charset only in the HTTP header ---------

XICHU_URL = "http://www.xichu.example/p/2020/0319/6631.html"
XICHU_HEADERS = {"Content-Type": "text/html; charset=GB2312"}
XICHU_TITLE = (
    "宿迁全市加快工业经济高质量发展暨招商引资大会召开 转型为纲 项目为王 生态为要 创新为上 全"
)


def xichu_page() -> bytes:
    return f"""<html><head>
<title>{XICHU_TITLE} - 西楚网</title></head><body>
<div class="crumb"><a href="/">首页</a> / <a href="/sz/">时政</a> / 正文</div>
<div class="article">
  <h2 class="title">{XICHU_TITLE}</h2>
  <div class="info">2020年03月19日08:27&nbsp;&nbsp;&nbsp;来源:宿迁市广播电视总台</div>
  <div class="con">
    <p>\u3000\u30003月17日下午,宿迁全市加快工业经济高质量发展暨招商引资大会在骆马湖总部经济会议中心召开。市委副书记、市长王昊作工作部署。</p>
    <p>\u3000\u3000张爱军在讲话中指出,新一轮发展机遇稍纵即逝,推进工业经济转型升级刻不容缓,我们必须高度自觉、全力以赴。</p>
    <p>\u3000\u3000会议以电视直播形式召开,宿迁市设主会场,各县(区)设分会场。宿迁市四套班子主要领导,相关市领导在主会场出席会议。</p>
    <p>总共: 1页</p>
    <p>作者:张乃川 ,张晔 孙安 谢卫 王铭</p>
  </div>
  <div class="matrix">西楚网新媒体矩阵<ul><li>头条号</li><li>凤凰号</li><li>百家号</li></ul></div>
</div>
<div class="foot">南京厚建软件 LivCMS 内容管理系统 授权用户:http://www.xichu.net</div>
</body></html>""".encode("gbk")


# --- Seed 003: a table-layout company site; the source is a 發布者 label -------------------

HAIYING_URL = "http://www.haiying.example/news_view.asp?id=311"


def haiying_page() -> bytes:
    return """<html><head><meta charset="GBK"><title>全區工業發展大會召開 - 海瀛產發集團</title></head>
<body><table width="980">
<tr><td class="nav"><a href="/">網站首頁</a> | <a href="/news.asp">新聞中心</a></td></tr>
<tr><td><table>
  <tr><td class="title">全區(qū)工業(yè)發展大會召開 |</td></tr>
  <tr><td class="info">發表時間:2018-3-6 發布者:海瀛產(chǎn)發(fā)集團 瀏覽次數(shù):120 |</td></tr>
  <tr><td class="text">3月3日上午,全區工業發展大會召開。區委書記李東成,區委副書記、區長張宏春分別講話,區委常委、常務副區長祁新桐主持會議。<br><br>
  李東成指出,區域發展,實體為基、項目為王、招商為要,必須強勢推進,快速突破,久久為功。<br><br>
  張宏春對全區工業經濟發展進行了總結部署。他說,去年,全區工業條線認真落實上級決策部署和區委工作要求。</td></tr>
  <tr><td>上一篇:<a href="?id=310">十三屆全國人大一次會議在京開幕</a> 下一篇:<a href="?id=312">李東成張宏春分別察看節後企業復產項目復工情況</a> |</td></tr>
</table></td></tr>
<tr><td class="foot">版權所有 轉載請注明出處!盜用必究!<br>鹽城亭湖區<br>海瀛產(chǎn)發(fā)集團</td></tr>
</table></body></html>""".encode("gbk")


# --- Seed 004: source and date glued, a truncated lead, a disclaimer block ------------------

LASER_URL = "http://www.laser.example/news/2016/11/14/7792.html"
LASER_LEAD = (
    "11月8日上午,宿遷市宿城區召開激光產業園建設第九次會辦會。"
    "區委副書記、區長張輝出席會議並講話。區領導李民富、趙賽花,區委"
)


def laser_page() -> bytes:
    return f"""<html><head><meta charset="utf-8">
<title>宿遷召開激光產業園建設第九次會辦會-激光製造網</title></head><body>
<div class="sub"><a href="/read/">閱讀</a> | <a href="/rss/">訂閱</a></div>
<div class="left">
  <div class="cat">今日要聞</div>
  <h1>宿遷召開(kāi)激光產(chǎn)業(yè)園建設(shè)第九次會(huì)辦會(huì)</h1>
  <div class="from">來(lái)源:宿遷經(jīng)信網(wǎng)2016-11-14 <a href="#pl">我要評(píng)論(0 )</a></div>
  <div class="desc">{LASER_LEAD}</div>
  <p>\u3000\u3000{LASER_LEAD}辦、政府辦、督查室、開發區、招商局、激光產業園運營辦、眾安集團等單位責任人參加會議。</p>
  <p>會上,開發區管委會匯報西城大廈有關情況及提請解決問題;發改局匯報激光小鎮PPP項目進展情況;與會人員進行交流發言。</p>
  <p>張輝要求,要聚力做好招商引資工作。各部門、各單位要進一步加強溝通配合,在資金、土地、服務等方面繼續加大支持力度。</p>
  <p>轉載請注明出處。</p>
  <div class="keys">暫無關鍵詞</div>
  <div class="mzsm"><b>免責聲明</b>
    <p>① 凡本網未注明其他出處的作品,版權均屬於激光製造網,未經本網授權不得轉載、摘編或利用其它方式使用。</p>
    <p>② 凡本網注明其他來源的作品及圖片,均轉載自其它媒體,轉載目的在於傳遞更多信息。</p>
  </div>
  <div class="pl">網友點評 0相關評論</div>
</div>
</body></html>""".encode()


# --- A Hanweb-style government page with ArticleTitle/PubDate/ContentSource meta tags -------

GOV_URL = "https://gxt.jiangsu.example/art/2024/7/24/art_6278_11290000.html"
GOV_TITLE = "省工业和信息化厅关于公布2024年度江苏省智能制造示范工厂名单的通知"


def gov_page(*, shown_date: str = "2024-07-24") -> bytes:
    return f"""<!DOCTYPE html><html><head>
<meta charset="utf-8">
<title>{GOV_TITLE} 江苏省工业和信息化厅</title>
<meta name="SiteName" content="江苏省工业和信息化厅">
<meta name="ArticleTitle" content="{GOV_TITLE}">
<meta name="PubDate" content="2024-07-24 10:33">
<meta name="ContentSource" content="江苏省工业和信息化厅">
<meta name="Author" content="江苏省工业和信息化厅">
</head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/col/zwgk/">政务公开</a></li>
  <li><a href="/col/gzdt/">工作动态</a></li></ul></div>
<div class="main">
  <div class="bt">{GOV_TITLE}</div>
  <div class="xx"><span>发布日期：{shown_date}</span> <span>信息来源：江苏省工业和信息化厅</span>
    <span>字号：[ 大 中 小 ]</span></div>
  <div id="zoom">
    <p>各设区市工业和信息化局：</p>
    <p>为深入贯彻落实制造强省战略，加快推进智能制造发展，经企业申报、地方推荐、专家评审和网上公示，现将2024年度江苏省智能制造示范工厂名单予以公布。</p>
    <table><tr><th>序号</th><th>企业名称</th><th>所在地</th></tr>
      <tr><td>1</td><td>江苏沃盾耐磨新材料有限公司</td><td>淮安市</td></tr>
      <tr><td>2</td><td>江苏源涌新材料有限公司</td><td>淮安市</td></tr></table>
    <p>江苏省工业和信息化厅</p>
    <p>2024年7月24日</p>
  </div>
  <div class="editor">责任编辑：王明</div>
  <div class="fx">分享到：</div><div class="print">【打印本页】【关闭窗口】</div>
</div>
<div class="footer">主办单位：江苏省工业和信息化厅 苏ICP备05006260号 苏公网安备 32010202010231号</div>
</body></html>""".encode()


def gov_page_dated_only_in_url(*, shown_date: str) -> bytes:
    """The government page without its PubDate meta, so the printed date or the URL decide."""
    return gov_page(shown_date=shown_date).replace(
        b'<meta name="PubDate" content="2024-07-24 10:33">', b""
    )


# --- Ruby markup ---------------------------------------------------------------------------


def ruby_page() -> bytes:
    return """<html><head><meta charset="utf-8"><title>宿遷區域經濟穩步發展_宿遷新聞</title></head>
<body><h1>宿遷<ruby>區<rp>(</rp><rt>qū</rt><rp>)</rp></ruby>域經濟穩步發展</h1>
<div class="text">
<p>今年以來,宿遷<ruby>區<rp>(</rp><rt>qū</rt><rp>)</rp></ruby>域<ruby>經<rt>jīng</rt></ruby>濟穩步發展,工業投資保持較快增長,重點項目建設有序推進,全市上下形成了比學趕超的良好氛圍。</p>
<p>羅孚橡膠(江蘇)有限公司等一批重點企業加快技術改造,產業鏈條不斷延伸。</p>
</div></body></html>""".encode()


# --- UTF-8 bytes under a lying <meta charset=gbk> ---------------------------------------------

# Chosen so that the UTF-8 bytes also decode *without error* as GB18030 (into mojibake): a
# decoder that trusts the declaration first cannot tell.
LYING_TITLE = "推进工业经济转型升级刻不容缓"
LYING_PARAGRAPHS = (
    "宿迁市委书记、市人大常委会主任张爱军强调",
    "要全力以赴抓集聚、促转型、提质效",
    "聚焦细分优势产业链有针对性地强链补链",
    "切实为推动工业经济高质量发展夯实基础",
)


def lying_meta_page() -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in LYING_PARAGRAPHS)
    return (
        f'<html><head><meta charset="gbk"><title>{LYING_TITLE}</title></head>'
        f"<body><div>{paragraphs}</div></body></html>"
    ).encode()


# --- A list page: links and dates, no article ----------------------------------------------


def list_page() -> bytes:
    items = "".join(
        f'<li><a href="/art/2024/7/{day}/art_6278_{day}.html">'
        f"省工业和信息化厅召开第{day}次全省工业经济运行调度会议</a><span>2024-07-{day:02d}</span></li>"
        for day in range(1, 21)
    )
    return f"""<html><head><meta charset="utf-8"><title>工作动态_江苏省工业和信息化厅</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/col/gzdt/">工作动态</a></div>
<div class="list"><ul>{items}</ul>
<div class="page">共200条 <a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=2">下一页</a></div></div>
<div class="footer">主办单位：江苏省工业和信息化厅 苏ICP备05006260号</div>
</body></html>""".encode()
