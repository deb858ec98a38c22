"""Fixed vocabularies of the 建档立卡 forms (DOMAIN.md §3). Lists that policy can change live in settings instead."""

from __future__ import annotations

from typing import Final

HOUSEHOLD_STATUSES: Final = ("未脱贫", "已脱贫", "返贫", "已销户")
HOUSEHOLD_ATTRIBUTES: Final = ("一般贫困户", "低保贫困户", "特困供养贫困户")
IDENTIFICATION_STANDARDS: Final = ("国家标准", "省定标准")
POVERTY_CAUSES: Final = ("因病", "因残", "因学", "因灾", "缺土地", "缺水", "缺技术", "缺劳力", "缺资金",
                         "交通条件落后", "自身发展动力不足", "其它")
RELATIONS: Final = ("户主", "配偶", "之子", "之女", "之儿媳", "之女婿", "之孙子", "之孙女", "之父", "之母",
                    "兄弟姐妹", "其他")
HEALTH: Final = ("健康", "长期慢性病", "患有大病", "残疾")
LABOR: Final = ("普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力")
EDUCATION: Final = ("", "文盲或半文盲", "小学", "初中", "高中", "中专", "大专及以上", "学龄前儿童")
SCHOOL_STATUS: Final = ("", "学前教育", "小学", "七年级", "八年级", "九年级", "高中一年级", "高中二年级",
                        "高中三年级", "中职", "高职", "大专及以上", "非在校生")
VILLAGE_STATUSES: Final = ("未退出", "已退出")
SEXES: Final = ("男", "女")
