"""The GBA demo programme as plain Python data, read by `wanqu.demo.loader`.

Facts and figures come from the seed report (省大湾区办《广东省推进粤港澳大湾区建设工作情况》);
names of special groups, member units' roles, dates of tasks and the reporting rounds are
plausible inventions for the demo. Coordinates are rough WGS-84 approximations.
"""
