-- 0002_seed_offices: the county (140224) and its 12 townships of 2018 (NBS 统计用区划代码, DOMAIN.md §5).
-- 史庄乡 left the code list in 2021 but belongs to the 2018 campaign, so all 12 are kept.
-- lingqiu_desktop/core/offices.py holds the same table; a test checks that the two agree.
INSERT INTO office (code, name, level, parent_code, sort_order) VALUES
    ('140224',    '灵丘县',   'county',   NULL,     0),
    ('140224100', '武灵镇',   'township', '140224', 1),
    ('140224101', '东河南镇', 'township', '140224', 2),
    ('140224102', '上寨镇',   'township', '140224', 3),
    ('140224200', '落水河乡', 'township', '140224', 4),
    ('140224203', '史庄乡',   'township', '140224', 5),
    ('140224205', '赵北乡',   'township', '140224', 6),
    ('140224206', '石家田乡', 'township', '140224', 7),
    ('140224207', '柳科乡',   'township', '140224', 8),
    ('140224208', '白崖台乡', 'township', '140224', 9),
    ('140224210', '红石塄乡', 'township', '140224', 10),
    ('140224212', '下关乡',   'township', '140224', 11),
    ('140224213', '独峪乡',   'township', '140224', 12);
