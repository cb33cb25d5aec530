"""Article pages of the seven sites the crawler meets, shaped as /tmp/spec/replica.md describes.

Each builder returns the bytes the site serves (in its real encoding) and the module holds
what a perfect cleaner returns for it.  The text is our own; the furniture (navigation with
many links, breadcrumbs, info bars, tool bars, related lists, comment widgets, disclaimers,
footers with ICP lines) is what each CMS prints around it.
"""

# ruff: noqa: E501  -- page fixtures: a line of markup is as long as the paragraph it holds.

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Expected:
    """What a perfect cleaner reads from one page (the replica's ArticleTruth, less the URL)."""

    title: str
    published_raw: str
    source: str | None
    author: str | None
    body: tuple[str, ...]


def _related(prefix: str, titles: tuple[str, ...]) -> str:
    return "".join(
        f'<li><a href="{prefix}{i}.html" target="_blank">{t}</a><span>2024-07-{10 + i}</span></li>'
        for i, t in enumerate(titles)
    )


_RELATED_TITLES = (
    "全区召开重大项目建设推进会",
    "区领导走访调研重点工业企业",
    "新能源装备产业园二期开工建设",
    "上半年外贸进出口实现稳中有增",
    "智能化改造数字化转型现场推进会召开",
    "优化营商环境服务企业发展座谈会举行",
)

# --- hongze: Hanweb jcms, meta tags, ContentStart/ContentEnd inside div#zoom ------------------

HONGZE_URL = "https://www.hongze.gov.cn/art/2024/7/24/art_12187_2718841.html"
HONGZE = Expected(
    title="洪泽区召开2024年上半年工业经济运行分析会",
    published_raw="2024-07-24 10:33",
    source="洪泽区工信局",
    author=None,
    body=(
        "7月23日下午，洪泽区召开2024年上半年工业经济运行分析会，总结上半年全区工业经济运行情况，分析存在的问题，部署下半年重点工作。副区长陈立新出席会议并讲话。",
        "会上，区工信局通报了上半年全区规上工业企业主要经济指标完成情况。1—6月，全区规上工业总产值同比增长12.6%，工业开票销售完成186.4亿元，新增规上工业企业23家。",
        "陈立新指出，今年以来，全区工业经济总体呈现稳中有进、进中向好的态势，但也面临部分行业订单不足、企业融资成本偏高等困难，各部门要坚定信心、主动作为。",
        "会议要求，要紧盯全年目标任务，强化重点企业跟踪服务，加快推进智能化改造和数字化转型，确保全年工业经济实现高质量发展。",
    ),
)


def hongze_page(*, pub_date_meta: bool = True) -> bytes:
    e = HONGZE
    paragraphs = "\n".join(f'<p style="text-indent:2em;">{p}</p>' for p in e.body)
    pub_date = '<meta name="PubDate" content="2024-07-24 10:33">' if pub_date_meta else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{e.title}_洪泽区人民政府</title>
<meta name="SiteName" content="淮安市洪泽区人民政府">
<meta name="SiteDomain" content="www.hongze.gov.cn">
<meta name="SiteIDCode" content="3208290001">
<meta name="ColumnName" content="工业经济">
<meta name="ColumnType" content="工作动态">
<meta name="ArticleTitle" content="{e.title}">
{pub_date}
<meta name="ContentSource" content="洪泽区工信局">
<meta name="Keywords" content="工业经济,运行分析">
<meta name="Author" content="洪泽区工信局">
<meta name="Description" content="{e.body[0][:60]}">
<meta name="Url" content="{HONGZE_URL}">
<link rel="stylesheet" href="/images/51/style.css">
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head><body>
<div class="top-bar"><div class="w1200"><span>欢迎访问淮安市洪泽区人民政府门户网站</span>
  <a href="javascript:void(0)" id="zhuanti">长者模式</a> <a href="javascript:void(0)">无障碍</a> <a href="/col/col12200/index.html">English</a></div></div>
<div class="header"><div class="logo"><a href="/"><img src="/images/51/logo.png" alt="淮安市洪泽区人民政府"></a></div>
  <div class="search"><form action="/jrobot/search.do" method="get"><input type="text" name="q" value="请输入关键词">
  <input type="submit" value="搜索"></form></div></div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/col/col12180/index.html">走进洪泽</a></li>
  <li><a href="/col/col12185/index.html">新闻中心</a></li><li><a href="/col/col12187/index.html">工业经济</a></li>
  <li><a href="/col/col12190/index.html">招商引资</a></li><li><a href="/col/col12199/index.html">政策解读</a></li>
  <li><a href="/col/col12210/index.html">政务公开</a></li><li><a href="/col/col12220/index.html">政务服务</a></li>
  <li><a href="/col/col12230/index.html">互动交流</a></li></ul></div>
<div class="main w1200">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col12185/index.html">新闻中心</a> &gt; <a href="/col/col12187/index.html">工业经济</a></div>
  <div class="article">
    <div class="art-title">{e.title}</div>
    <div class="art-info">发布日期：2024-07-24 &nbsp;&nbsp;信息来源：洪泽区工信局 &nbsp;&nbsp;浏览次数：<span id="c"></span>
      &nbsp;&nbsp;字号：[ <a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a> ]</div>
    <div id="zoom"><!--<$[信息内容]>begin--><meta name="ContentStart">
{paragraphs}
<meta name="ContentEnd"><!--<$[信息内容]>end--></div>
    <div class="art-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a>
      <span class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a> <a class="bds_tsina">微博</a></span></div>
    <div class="related"><h3>相关文章</h3><ul>{_related("/art/2024/7/", _RELATED_TITLES)}</ul></div>
  </div>
</div>
<div class="footer"><p>主办：淮安市洪泽区人民政府办公室 承办：洪泽区大数据管理局</p>
  <p>网站标识码：3208290001 <a href="https://beian.miit.gov.cn/">苏ICP备05009171号-1</a> 苏公网安备 32082902000123号</p></div>
<script type="text/javascript">$("#c").load("/module/visitcount/articlehits.jsp?colid=12187&artid=2718841");</script>
</body></html>""".encode()


# --- d7760: traditional script with <ruby> pinyin, 導讀 lead repeated, 記者 line, 聲明 --------

D7760_URL = "http://www.d7760.cn/news/huaian/2024/0724/58113.html"
D7760 = Expected(
    title="淮安市召開2024年工業經濟運行調度會",
    published_raw="2024-07-24 10:33",
    source=None,  # the page credits no source; the archive falls back to the site name
    author="王喆",
    body=(
        "淮安日報訊 7月23日，全市工業經濟運行調度會召開，副市長周建華出席會議並講話。會議通報了上半年全市工業經濟運行情況，分析研判當前形勢，部署下一階段重點工作。",
        "今年以來，全市規上工業增加值同比增長9.8%，高於全省平均水平2.1個百分點，鹽化新材料、食品、電子信息等主導產業保持較快增長。",
        "周建華強調，要緊盯年度目標，聚焦重點企業、重點行業、重點區域，強化運行監測和要素保障，推動更多項目早開工、早投產、早見效。",
    ),
)
# The mirror's table of annotated characters (a few of its ~60).
_PINYIN = {
    "區": "qū",
    "業": "yè",
    "經": "jīng",
    "會": "huì",
    "發": "fā",
    "產": "chǎn",
    "項": "xiàng",
}


def ruby(text: str) -> str:
    """`區` -> `<ruby>區<rp>(</rp><rt>qū</rt><rp>)</rp></ruby>` for the annotated characters."""
    return "".join(
        f"<ruby>{c}<rp>(</rp><rt>{_PINYIN[c]}</rt><rp>)</rp></ruby>" if c in _PINYIN else c
        for c in text
    )


def d7760_page(*, views: int = 675) -> bytes:
    e = D7760
    paragraphs = "\n".join(f"<p>{ruby(p)}</p>" for p in e.body)
    related = "".join(
        f'<li><a href="/news/huaian/2024/07{20 + i}/{58100 + i}.html">{ruby(t)}</a></li>'
        for i, t in enumerate(
            ("淮安區舉行重大項目集中開工儀式", "漣水縣工業經濟穩中有進", "盱眙縣召開招商引資推進會")
        )
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>{e.title}_淮安新聞_淮安114網</title>
<meta name="keywords" content="淮安新聞,工業經濟">
<meta name="description" content="{e.body[0][:50]}">
</head><body>
<div class="topbar"><a href="/">淮安市</a> <a href="/qingjiangpu/">清江浦區</a> <a href="/huaiyin/">淮陰區</a> <a href="/huaian/">淮安區</a>
  <a href="/hongze/">洪澤區</a> <a href="/lianshui/">漣水縣</a> <a href="/xuyi/">盱眙縣</a> <a href="/jinhu/">金湖縣</a> <a href="/other/">其他地區</a>
  <a class="post" href="/post/">無須注冊,完全免費,只要2步,立即{ruby("發")}布信息</a></div>
<div class="nav"><a href="/">首頁</a> <a href="/news/huaian/index.html">淮安新聞</a> <a href="/news/gongye/index.html">工{ruby("業經")}濟</a>
  <a href="/fang/">房產</a> <a href="/zhaopin/">招聘</a> <a href="/ershou/">二手</a></div>
<div class="position"><a href="/">首頁</a> &gt; <a href="/news/huaian/index.html">淮安新聞</a> &gt; {ruby(e.title)}</div>
<div class="newsview">
  <h1>{ruby(e.title)}</h1>
  <div class="info">{ruby("發")}布時間: 2024-07-24 10:33&nbsp;&nbsp;關注度:{views}
    <a href="#comment">評 論</a> <a href="#">轉 {ruby("發")}</a> <a href="#">收 藏</a> <a href="javascript:window.print()">打 印</a></div>
  <div class="content">
    <div class="daodu"><b>導讀:</b>{ruby(e.body[0])}</div>
{paragraphs}
    <p style="text-align:right">記者 王喆</p>
  </div>
  <div class="shengming">聲明:淮安114網(d7760.cn)所刊載的新聞資訊均來源於互聯網新聞網站,淮安114網不生產、不製造新聞,如有侵犯您的權益,請及時與我們聯繫。</div>
  <div class="xgxw"><h3>相關新聞</h3><ul>{related}</ul></div>
</div>
<div class="footer"><a href="/about/">關於我們</a> | <a href="/contact/">聯繫我們</a> | <a href="/ad/">廣告服務</a><br>
  Copyright © 2008-2024 淮安114網 d7760.cn 蘇ICP備08012345號</div>
</body></html>""".encode()


# --- xichu: LivCMS, U+3000 indents, 作者 after the text, a two-part article ---------------------

XICHU_URL = "https://www.xichu.net/2024-07/24/content_50123456.htm"
XICHU = Expected(
    title="宿迁经开区集中签约12个先进制造业项目 总投资86亿元",
    published_raw="2024年07月24日08:27",
    source="西楚网",
    author="王喆",
    body=(
        "7月23日，宿迁经济技术开发区举行二季度重大项目集中签约仪式，12个先进制造业项目现场签约，总投资86亿元，涵盖新能源、高端装备、新材料等领域。",
        "签约项目中，投资超10亿元的项目有4个，其中江苏锐驰新能源科技有限公司年产5GWh储能电池项目总投资25亿元，达产后可实现年开票销售40亿元。",
        "宿迁经开区经发局局长张喆介绍，园区将坚持“项目为王”，为签约企业提供全生命周期服务，已预留标准厂房12万平方米，由项目服务专员李堃全程帮办，推动项目早落地、早开工、早投产。",
    ),
)


def xichu_page(*, part: int = 1, parts: int = 1) -> bytes:
    e = XICHU
    paragraphs = "\n".join(f"<p>\u3000\u3000{p}</p>" for p in e.body)
    pager = ""
    if parts > 1:
        links = " ".join(
            f'<a href="content_50123456{"" if n == 1 else f"_{n}"}.htm">{n}</a>'
            for n in range(1, parts + 1)
        )
        pager = f'<div class="page">总共: {parts}页 <a href="#">上一页</a> {links} <a href="content_50123456_2.htm">下一页</a></div>'
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{e.title} - 西楚网</title>
<meta name="keywords" content="宿迁,经开区,签约"></head><body>
<div class="top"><a href="/">西楚网</a> <a href="/sz/">时政</a> <a href="/jj/">经济</a> <a href="/sh/">社会</a>
  <a href="/wh/">文化</a> <a href="/ty/">体育</a> <a href="/sp/">视频</a> <a href="/zt/">专题</a></div>
<div class="crumb"><a href="/">首页</a> / <a href="/jj/">经济</a> / 正文</div>
<div class="article">
  <h1>{e.title}</h1>
  <div class="info"><span>2024年07月24日08:27</span>&nbsp;&nbsp;&nbsp;<span>来源:西楚网</span></div>
  <div class="content">
{paragraphs}
  </div>
  {pager}
  <div class="author">作者:王喆</div>
  <div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
</div>
<div class="matrix"><h3>西楚网新媒体矩阵</h3><ul><li>头条号</li><li>凤凰号</li><li>百家号</li><li>抖音号</li></ul></div>
<div class="foot">宿迁市广播电视总台主办 苏ICP备06043498号 南京厚建软件 LivCMS 内容管理系统</div>
</body></html>""".encode()


# --- haiying: Big5 ASP site, the text is one <p>, 發布者 is the source -------------------------

HAIYING_URL = "http://www.hychanfa.com/news/show.asp?id=311"
HAIYING = Expected(
    title="海瀛產發集團與三家企業簽訂戰略合作協議",
    published_raw="2018-3-6",
    source="海瀛產發集團",
    author=None,
    body=(
        "3月5日上午，海瀛產發集團與江蘇華宇智能裝備有限公司等三家企業簽訂戰略合作協議，集團董事長陸明遠出席簽約儀式並致辭。"
        "陸明遠表示，集團將發揮產業投資平臺作用，在廠房建設、融資擔保、人才引進等方面為合作企業提供全方位服務。"
        "根據協議，三家企業將在亭湖區新增投資12億元，建設智能裝備生產基地和研發中心。",
    ),
)


def haiying_page() -> bytes:
    e = HAIYING
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=big5">
<title>{e.title} - 海瀛產發集團</title></head>
<body><table width="980" align="center" cellpadding="0" cellspacing="0">
<tr><td class="nav"><a href="/">網站首頁</a> | <a href="/about/">集團簡介</a> | <a href="/news/list.asp?classid=3">新聞中心</a> |
  <a href="/news/list.asp?classid=5">產業動態</a> | <a href="/contact/">聯繫我們</a></td></tr>
<tr><td><table width="100%">
  <tr><td class="left" width="220" valign="top"><div class="lm">新聞中心</div>
    <ul><li><a href="/news/list.asp?classid=3">集團新聞</a></li><li><a href="/news/list.asp?classid=5">產業動態</a></li></ul></td>
  <td valign="top"><table width="100%">
    <tr><td class="title" align="center">{e.title}</td></tr>
    <tr><td class="info" align="center">發表時間:2018-3-6 發布者:海瀛產發集團 瀏覽次數:120</td></tr>
    <tr><td class="text"><p>{e.body[0]}</p></td></tr>
    <tr><td class="prev">上一篇:<a href="show.asp?id=310">集團召開2018年度工作會議</a><br>下一篇:<a href="show.asp?id=312">集團領導走訪園區重點企業</a></td></tr>
  </table></td></tr>
</table></td></tr>
<tr><td class="foot">版權所有:海瀛產發集團 地址:鹽城市亭湖區 電話:0515-88888888</td></tr>
</table></body></html>""".encode("big5", "xmlcharrefreplace")


# --- laserfair: GBK bytes declared gb2312, source glued to the date, 摘要, comments, 免责声明 -----

LASERFAIR_URL = "https://www.laserfair.com/news/202407/25/81234.html"
# The syndicated copy of XICHU's article (same paragraphs, with GBK-only characters such as 喆
# and 堃), under its own title and date, credited to 宿迁经信网.
LASERFAIR = Expected(
    title="宿迁经开区12个先进制造业项目集中签约",
    published_raw="2024-07-25",
    source="宿迁经信网",
    author=None,
    body=XICHU.body,
)
_MOJIBAKE = "鍚庣画浼氭湁鏇村椤圭洰钀藉湴锛屾湡寰呴噸澶ч」鐩棭鏃ユ姇浜?"


def laserfair_page() -> bytes:
    e = LASERFAIR
    paragraphs = "\n".join(f"<p>\u3000\u3000{p}</p>" for p in e.body)
    summary = "".join(e.body)[:40]
    return f"""<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>{e.title}-激光制造网</title>
<meta name="keywords" content="激光,宿迁"><meta name="description" content="{summary}"></head><body>
<div class="topbar"><a href="/read/">阅读</a> | <a href="/rss.xml">订阅</a> | <a href="/login/">登录</a> | <a href="/reg/">注册</a></div>
<div class="nav"><a href="/">首页</a> <a href="/news/list_12_1.html">资讯</a> <a href="/tech/">技术</a> <a href="/product/">产品</a>
  <a href="/expo/">展会</a> <a href="/job/">人才</a></div>
<div class="left">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/news/list_12_1.html">资讯</a> &gt; 正文</div>
  <div class="cat">今日要闻</div>
  <h1>{e.title}</h1>
  <div class="from">来源:宿迁经信网2024-07-25 <a href="#pl">我要评论(2)</a></div>
  <div class="summary">摘要：{summary}...</div>
  <div class="content">
{paragraphs}
  </div>
  <div class="keys">关键词：<a href="/tag/jiguang/">激光</a> <a href="/tag/suqian/">宿迁</a></div>
  <div class="mzsm"><b>免责声明</b>
    <p>① 凡本网注明“来源：激光制造网”的所有作品，版权均属于激光制造网，未经本网授权不得转载、摘编或利用其它方式使用。</p>
    <p>② 凡本网注明其他来源的作品及图片，均转载自其它媒体，转载目的在于传递更多信息，并不代表本网赞同其观点。</p></div>
  <div class="comment" id="pl"><h3>网友评论</h3>
    <ul><li><span class="user">匿名网友</span> <span class="time">2024-07-25 09:12</span><p>宿迁的新能源产业发展真快，为经开区点赞！</p></li>
    <li><span class="user">匿名网友</span> <span class="time">2024-07-26 14:03</span><p>{_MOJIBAKE}</p></li></ul>
    <form action="/comment/post.php" method="post"><textarea name="content"></textarea><input type="submit" value="发表评论"></form></div>
  <div class="related"><h3>相关新闻</h3><ul>{_related("/news/202407/2", _RELATED_TITLES)}</ul></div>
</div>
<div class="footer">Copyright &copy; 2005-2024 激光制造网 All Rights Reserved 粤ICP备05012345号</div>
</body></html>""".encode("gbk")


# --- sqgxj: TRS WCM, gov meta tags, div.TRS_Editor -------------------------------------------

SQGXJ_URL = "http://gxj.suqian.gov.cn/sqgxj/gzdt/202407/t20240724_123456.html"
SQGXJ = Expected(
    title="市工信局召开全市工业和信息化重点工作推进会",
    published_raw="2024-07-24 10:33",
    source="宿迁市工业和信息化局",
    author=None,
    body=(
        "7月22日，市工信局召开全市工业和信息化重点工作推进会，回顾上半年工作，部署下半年任务。局党组书记、局长孙志刚出席会议并讲话。",
        "会议指出，上半年全市规上工业增加值同比增长10.2%，工业投资增长15.6%，新增国家级专精特新“小巨人”企业6家，主要指标增幅保持全省前列。",
        "会议强调，各县区、各园区要聚焦“四群八链”产业布局，加快推进重大项目建设，深入开展智能化改造数字化转型网络化联接，全力以赴冲刺全年目标。",
    ),
)


def sqgxj_page() -> bytes:
    e = SQGXJ
    paragraphs = "\n".join(
        f'<p class="MsoNormal" style="text-indent:32pt;"><span style="font-family:仿宋_GB2312;">{p}</span></p>'
        for p in e.body
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>{e.title}-宿迁市工业和信息化局</title>
<meta name="SiteName" content="宿迁市工业和信息化局">
<meta name="SiteDomain" content="gxj.suqian.gov.cn">
<meta name="ColumnName" content="工作动态">
<meta name="ArticleTitle" content="{e.title}">
<meta name="PubDate" content="2024-07-24 10:33">
<meta name="ContentSource" content="宿迁市工业和信息化局">
<meta name="Author" content="宿迁市工业和信息化局">
</head><body>
<div class="header"><img src="../../images/logo.png" alt="宿迁市工业和信息化局"></div>
<div class="nav"><a href="../../">首页</a> <a href="../../jgzn/">机构职能</a> <a href="../../gzdt/">工作动态</a>
  <a href="../../tzgg/">通知公告</a> <a href="../../zcwj/">政策文件</a> <a href="../../zfxxgk/">信息公开</a></div>
<div class="location">当前位置：<a href="../../">首页</a> &gt; <a href="../">工作动态</a></div>
<div class="xl_main">
  <div class="xl_title">{e.title}</div>
  <div class="xl_info">发布时间：2024-07-24 10:33 &nbsp; 来源：宿迁市工业和信息化局 &nbsp; 【字体：<a href="javascript:fontZoom(18)">大</a> <a href="javascript:fontZoom(16)">中</a> <a href="javascript:fontZoom(14)">小</a>】</div>
  <div class="xl_con"><div class="TRS_Editor"><style type="text/css">.TRS_Editor P{{margin-top:5px;margin-bottom:5px;line-height:2;font-size:12pt;}}</style>
    <div class="TRS_PreAppend" style="overflow-x:hidden;word-break:break-all">
{paragraphs}
    </div></div></div>
  <div class="xl_tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
<div class="footer">主办单位：宿迁市工业和信息化局 苏ICP备12005178号 苏公网安备 32130202000456号</div>
</body></html>""".encode()


# --- hanews: ordinary news markup, no CMS markers and no meta tags ------------------------------

HANEWS_URL = "http://www.hanews.cn/2024-07/24/content_3456789.htm"
HANEWS = Expected(
    title="淮安经济技术开发区上半年实际使用外资增长18%",
    published_raw="2024-07-24 10:33",
    source="淮安日报",
    author=None,
    body=(
        "今年以来，淮安经济技术开发区坚持把利用外资作为稳增长的重要抓手，上半年实际使用外资1.9亿美元，同比增长18%，总量位居全市第一。",
        "园区围绕电子信息、新能源汽车零部件两大主导产业开展精准招商，新落户外资项目11个，其中总投资超亿美元项目3个。",
        "下一步，开发区将持续优化营商环境，加快推进在谈项目签约落地，力争全年实际使用外资突破3.5亿美元。",
    ),
)


def hanews_page() -> bytes:
    e = HANEWS
    paragraphs = "\n".join(f"<p>{p}</p>" for p in e.body)
    hot = "".join(
        f'<li><a href="/2024-07/{20 + i}/content_34567{i}.htm">{t}</a></li>'
        for i, t in enumerate(_RELATED_TITLES)
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{e.title}_淮安新闻网</title></head><body>
<div class="header"><a href="/"><img src="/img/logo.png" alt="淮安新闻网"></a>
  <a href="/news/">新闻</a> <a href="/economy/">经济</a> <a href="/society/">社会</a> <a href="/culture/">文化</a> <a href="/video/">视频</a></div>
<div class="crumb">您当前的位置：<a href="/">淮安新闻网</a> &gt; <a href="/economy/">经济</a></div>
<div class="main">
  <div class="left">
    <h1>{e.title}</h1>
    <div class="info">发布时间：2024-07-24 10:33 来源：淮安日报</div>
    <div class="text">
{paragraphs}
    </div>
    <div class="editor">编辑：张敏</div>
    <div class="share">分享到：<a>微信</a> <a>微博</a></div>
  </div>
  <div class="right"><h3>热点排行</h3><ul>{hot}</ul></div>
</div>
<div class="footer">淮安新闻网版权所有 未经授权禁止复制或建立镜像 苏ICP备10212345号</div>
</body></html>""".encode()


SITES: dict[str, tuple[str, Callable[[], bytes], Expected]] = {
    "hongze": (HONGZE_URL, hongze_page, HONGZE),
    "d7760": (D7760_URL, d7760_page, D7760),
    "xichu": (XICHU_URL, xichu_page, XICHU),
    "haiying": (HAIYING_URL, haiying_page, HAIYING),
    "laserfair": (LASERFAIR_URL, laserfair_page, LASERFAIR),
    "sqgxj": (SQGXJ_URL, sqgxj_page, SQGXJ),
    "hanews": (HANEWS_URL, hanews_page, HANEWS),
}
