/**
 * The demo expo's exhibitors: fictional companies from Xiamen's industrial parks. Names, sites and
 * phone numbers are made up (sites use the reserved .example domain).
 */
import type { BoothTemplate, Industry, Park } from '../../shared/api/common';
import type { Motif, Pictogram } from './art';
import type { ModelKind } from './models';

export interface DemoProduct {
  name: [string, string];
  description: [string, string];
  picture: Pictogram;
  model?: ModelKind;
}

export interface DemoCompany {
  key: string;
  name: [string, string];
  initials: string;
  hall: 'gulangyu' | 'shapowei';
  industry: Industry;
  park: Park;
  template: BoothTemplate;
  colors: [string, string];
  motif: Motif;
  title: [string, string];
  description: [string, string];
  products: DemoProduct[];
}

const p = (name: [string, string], description: [string, string], picture: Pictogram, model?: ModelKind): DemoProduct => ({ name, description, picture, model });

export const DEMO_EXPO = {
  slug: 'xiamen-metaverse-expo',
  name: { zh: '厦门元宇宙产业博览会', en: 'Xiamen Metaverse Expo' },
} as const;

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    key: 'egret-vision', name: ['鹭影数字', 'Egret Vision Digital'], initials: 'EV', hall: 'gulangyu', industry: 'xr', park: 'software_park', template: 'pavilion',
    colors: ['#0d3b57', '#f2b63d'], motif: 'egret', title: ['沉浸式文旅 VR 导览', 'Immersive VR tours'],
    description: ['为景区和博物馆打造沉浸式 VR/AR 导览，让游客在鼓浪屿的老别墅里“穿越”百年。', 'Immersive VR/AR tours for scenic spots and museums: step back a century inside the old villas of Gulangyu.'],
    products: [
      p(['鹭影 VR 一体机', 'Egret VR headset'], ['6DoF 一体机，内置 12 条厦门文旅路线。', 'Standalone 6DoF headset with 12 Xiamen tour routes built in.'], 'headset', 'headset'),
      p(['云导览平台', 'Cloud tour platform'], ['景区数字孪生与多语种讲解。', 'Digital twins of scenic spots with multilingual narration.'], 'cloud'),
    ],
  },
  {
    key: 'piano-isle', name: ['琴岛声学', 'Piano Isle Acoustics'], initials: 'PA', hall: 'gulangyu', industry: 'xr', park: 'torch', template: 'kiosk',
    colors: ['#5b2a86', '#f7c59f'], motif: 'circle', title: ['空间音频，听见琴岛', 'Spatial audio from Piano Island'],
    description: ['源自“琴岛”鼓浪屿的声学团队，专注空间音频与智能音箱。', 'An acoustics team from "Piano Island" Gulangyu, making spatial audio and smart speakers.'],
    products: [
      p(['琴岛智能音箱', 'Piano Isle smart speaker'], ['360° 声场，支持闽南语唤醒。', '360° sound field, wakes up to Minnan dialect.'], 'speaker', 'speaker'),
      p(['空间音频 SDK', 'Spatial audio SDK'], ['为 Web 3D 场景提供 HRTF 渲染。', 'HRTF rendering for web 3D scenes.'], 'phone'),
    ],
  },
  {
    key: 'flame-tree', name: ['凤凰木动画', 'Flame Tree Animation'], initials: 'FT', hall: 'gulangyu', industry: 'digital_content', park: 'software_park', template: 'island',
    colors: ['#c0392b', '#27ae60'], motif: 'leaf', title: ['原创动画与数字 IP', 'Original animation and digital IP'],
    description: ['以厦门市树凤凰木为名的动画工作室，作品曾入围金海豚动漫节。', 'An animation studio named after the flame tree, Xiamen\'s city tree; shortlisted at the Golden Dolphin festival.'],
    products: [
      p(['《白鹭小队》动画', '"Egret Squad" series'], ['52 集少儿科普动画。', 'A 52-episode science series for children.'], 'camera'),
      p(['数字 IP 授权', 'Digital IP licensing'], ['角色形象授权与联名开发。', 'Character licensing and co-branding.'], 'card'),
    ],
  },
  {
    key: 'bougainvillea', name: ['三角梅文旅', 'Bougainvillea Culture & Travel'], initials: 'BC', hall: 'gulangyu', industry: 'culture_tourism', park: 'ftz', template: 'kiosk',
    colors: ['#d6336c', '#ffe066'], motif: 'sun', title: ['一站式厦门文旅服务', 'Xiamen travel, one stop'],
    description: ['线上预约、数字门票与定制游线，服务来厦游客。', 'Online booking, digital tickets and custom routes for visitors to Xiamen.'],
    products: [
      p(['数字门票', 'Digital tickets'], ['刷脸入园，景区限流更从容。', 'Face-scan entry and smarter visitor flow.'], 'card'),
      p(['定制游线小程序', 'Custom route app'], ['按兴趣生成半日游线路。', 'Half-day routes generated from your interests.'], 'phone'),
    ],
  },
  {
    key: 'sunlight-ai', name: ['日光岩智能', 'Sunlight Rock AI'], initials: 'SR', hall: 'gulangyu', industry: 'ai', park: 'software_park', template: 'pavilion',
    colors: ['#e67e22', '#1d2430'], motif: 'sun', title: ['多模态大模型应用', 'Multimodal AI applications'],
    description: ['面向政务与文旅的多模态大模型应用，支持普通话、闽南语与英语。', 'Multimodal AI for public services and tourism, in Mandarin, Minnan and English.'],
    products: [
      p(['智能导览员', 'AI guide'], ['看得懂景物、讲得出故事。', 'Recognises sights and tells their stories.'], 'cloud'),
      p(['视觉巡检相机', 'Vision inspection camera'], ['边缘推理，毫秒级告警。', 'Edge inference with millisecond alerts.'], 'camera'),
    ],
  },
  {
    key: 'garden-games', name: ['海上花园游戏', 'Garden-on-Sea Games'], initials: 'GS', hall: 'gulangyu', industry: 'digital_content', park: 'software_park', template: 'island',
    colors: ['#16a085', '#f1c40f'], motif: 'wave', title: ['厦门出品的精品游戏', 'Games made in Xiamen'],
    description: ['“海上花园”厦门的独立游戏团队，作品以闽南文化为灵感。', 'An indie studio from Xiamen, the "garden on the sea", inspired by Minnan culture.'],
    products: [
      p(['《鼓浪谜踪》', '"Drum Wave Mystery"'], ['解谜冒险，实景还原鼓浪屿街巷。', 'A puzzle adventure in faithful Gulangyu lanes.'], 'phone'),
      p(['云游戏平台', 'Cloud gaming platform'], ['低延迟串流，随点随玩。', 'Low-latency streaming, play instantly.'], 'cloud'),
    ],
  },
  {
    key: 'drum-wave-cloud', name: ['鼓浪石云', 'Drum Wave Cloud'], initials: 'DW', hall: 'gulangyu', industry: 'software', park: 'torch', template: 'kiosk',
    colors: ['#2980b9', '#ecf0f1'], motif: 'wave', title: ['企业上云与数据中台', 'Cloud and data platforms'],
    description: ['为中小企业提供上云迁移、数据中台和安全合规服务。', 'Cloud migration, data platforms and compliance for small and mid-sized firms.'],
    products: [
      p(['数据中台', 'Data platform'], ['一站式数据治理与分析。', 'Data governance and analytics in one place.'], 'cloud'),
      p(['安全合规套件', 'Compliance suite'], ['对标个人信息保护法。', 'Built around China\'s PIPL.'], 'card'),
    ],
  },
  {
    key: 'red-brick', name: ['闽南红砖设计', 'Minnan Brick Design Lab'], initials: 'MB', hall: 'gulangyu', industry: 'culture_tourism', park: 'other', template: 'pavilion',
    colors: ['#b5452f', '#f6efe2'], motif: 'hex', title: ['传统建筑的数字化保护', 'Digital heritage for Minnan houses'],
    description: ['用三维扫描和程序化建模保护红砖古厝与燕尾脊。', 'Scanning and procedural modelling to preserve red-brick houses and swallow-tail ridges.'],
    products: [
      p(['古厝数字档案', 'Heritage archive'], ['毫米级三维档案。', 'Millimetre-accurate 3D records.'], 'camera'),
      p(['文创设计', 'Cultural design'], ['红砖纹样文创产品。', 'Products with red-brick patterns.'], 'card'),
    ],
  },
  {
    key: 'egret-avatars', name: ['白鹭数字人', 'Egret Avatars'], initials: 'EA', hall: 'gulangyu', industry: 'ai', park: 'software_park', template: 'island',
    colors: ['#34495e', '#1abc9c'], motif: 'egret', title: ['虚拟数字人，服务每一位市民', 'Digital humans for public service'],
    description: ['虚拟数字人讲解员和政务客服，7×24 小时在线。', 'Virtual presenters and public-service agents, online around the clock.'],
    products: [
      p(['数字人讲解员', 'Digital presenter'], ['实时驱动，口型精准。', 'Real-time driven, accurate lip sync.'], 'camera'),
      p(['政务客服', 'Service agent'], ['覆盖 300+ 高频事项。', 'Answers 300+ common requests.'], 'phone'),
    ],
  },
  {
    key: 'octagon', name: ['八卦楼互动', 'Octagon Interactive'], initials: 'OI', hall: 'gulangyu', industry: 'xr', park: 'torch', template: 'kiosk',
    colors: ['#8e44ad', '#f39c12'], motif: 'diamond', title: ['展馆互动装置', 'Interactive exhibits'],
    description: ['博物馆与展馆的互动投影、体感装置与 AR 展项。', 'Projection, motion and AR installations for museums and halls.'],
    products: [
      p(['互动投影墙', 'Projection wall'], ['多人同时互动。', 'Many visitors at once.'], 'camera'),
      p(['AR 展项套件', 'AR exhibit kit'], ['一周上线一个展项。', 'An exhibit live within a week.'], 'phone'),
    ],
  },
  {
    key: 'shuzhuang', name: ['菽庄文创', 'Shuzhuang Creative'], initials: 'SC', hall: 'gulangyu', industry: 'digital_content', park: 'ftz', template: 'island',
    colors: ['#117864', '#f5b7b1'], motif: 'leaf', title: ['数字藏品与文创', 'Digital collectibles and design'],
    description: ['把园林、钢琴与海的故事做成数字藏品和文创。', 'Gardens, pianos and the sea, turned into collectibles and design goods.'],
    products: [
      p(['园林数字藏品', 'Garden collectibles'], ['限量发行，可溯源。', 'Limited and traceable.'], 'card'),
      p(['钢琴文创', 'Piano gifts'], ['钢琴博物馆联名。', 'With the Piano Museum.'], 'speaker'),
    ],
  },
  {
    key: 'lujiang-opto', name: ['鹭江光电', 'Lujiang Optoelectronics'], initials: 'LO', hall: 'gulangyu', industry: 'semiconductor', park: 'torch', template: 'pavilion',
    colors: ['#1f3a93', '#00d2ff'], motif: 'chip', title: ['Micro-LED 与光学模组', 'Micro-LED and optics'],
    description: ['为 XR 眼镜提供 Micro-LED 微显示与光波导模组。', 'Micro-LED microdisplays and waveguides for XR glasses.'],
    products: [
      p(['Micro-LED 微显示', 'Micro-LED display'], ['0.13 英寸，百万尼特。', '0.13 inch, a million nits.'], 'chip'),
      p(['光波导模组', 'Waveguide module'], ['轻至 5 克。', 'As light as 5 g.'], 'headset'),
    ],
  },
  {
    key: 'harbour-iot', name: ['沙坡尾渔港物联', 'Shapowei Harbour IoT'], initials: 'SH', hall: 'shapowei', industry: 'logistics', park: 'ftz', template: 'pavilion',
    colors: ['#0e6655', '#f4d03f'], motif: 'wave', title: ['智慧港口与无人机巡检', 'Smart ports and drone patrols'],
    description: ['港区物联网、无人机巡检与避风坞船舶管理。', 'Port IoT, drone patrols and berth management for typhoon shelters.'],
    products: [
      p(['海鸥巡检无人机', 'Seagull patrol drone'], ['抗 6 级风，续航 45 分钟。', 'Flies in force-6 wind for 45 minutes.'], 'drone', 'drone'),
      p(['船舶定位终端', 'Vessel tracker'], ['北斗定位，离线缓存。', 'BeiDou positioning with offline buffer.'], 'ship'),
    ],
  },
  {
    key: 'shelter-robotics', name: ['避风坞机器人', 'Typhoon Shelter Robotics'], initials: 'TS', hall: 'shapowei', industry: 'smart_manufacturing', park: 'torch', template: 'island',
    colors: ['#2c3e50', '#e74c3c'], motif: 'hex', title: ['协作机器人，柔性产线', 'Cobots for flexible lines'],
    description: ['六轴协作机器人与视觉引导，服务电子与食品产线。', 'Six-axis cobots with vision guidance for electronics and food lines.'],
    products: [
      p(['六轴协作臂 C6', 'C6 cobot arm'], ['负载 6 kg，重复精度 ±0.02 mm。', '6 kg payload, ±0.02 mm repeatability.'], 'robot', 'robot'),
      p(['视觉引导套件', 'Vision guidance kit'], ['零代码示教。', 'No-code teaching.'], 'camera'),
    ],
  },
  {
    key: 'yanwu-chips', name: ['演武芯片', 'Yanwu Microchips'], initials: 'YM', hall: 'shapowei', industry: 'semiconductor', park: 'torch', template: 'kiosk',
    colors: ['#212f3c', '#58d68d'], motif: 'chip', title: ['物联网 SoC', 'IoT system-on-chip'],
    description: ['低功耗物联网 SoC 与模组，以演武大桥为名。', 'Low-power IoT SoCs and modules, named after the Yanwu Bridge.'],
    products: [
      p(['YW-1 物联网芯片', 'YW-1 IoT chip'], ['待机 2 μA。', '2 μA standby.'], 'chip'),
      p(['开发板', 'Dev board'], ['开箱即连。', 'Connects out of the box.'], 'card'),
    ],
  },
  {
    key: 'haicang-life', name: ['海沧生命科技', 'Haicang Life Sciences'], initials: 'HL', hall: 'shapowei', industry: 'biomed', park: 'haicang_biomed', template: 'pavilion',
    colors: ['#1a5276', '#a9dfbf'], motif: 'leaf', title: ['体外诊断与基因检测', 'Diagnostics and genomics'],
    description: ['快速体外诊断试剂与基因检测服务。', 'Rapid in-vitro diagnostics and genomic testing.'],
    products: [
      p(['快速检测试剂盒', 'Rapid test kit'], ['15 分钟出结果。', 'Results in 15 minutes.'], 'flask'),
      p(['基因检测服务', 'Genomic testing'], ['覆盖 200+ 遗传病。', 'Screens 200+ inherited conditions.'], 'flask'),
    ],
  },
  {
    key: 'huandao-energy', name: ['环岛新能源', 'Huandao New Energy'], initials: 'HE', hall: 'shapowei', industry: 'new_energy', park: 'tongan', template: 'island',
    colors: ['#186a3b', '#f9e79f'], motif: 'sun', title: ['光伏与海上风电', 'Solar and offshore wind'],
    description: ['分布式光伏与海上风电运维数字化。', 'Distributed solar and digital operations for offshore wind.'],
    products: [
      p(['光伏运维平台', 'Solar O&M platform'], ['发电量提升 6%。', '6% more yield.'], 'cloud'),
      p(['风机巡检', 'Turbine inspection'], ['无人机 + AI 识别缺陷。', 'Drones and AI find defects.'], 'drone'),
    ],
  },
  {
    key: 'egret-fincloud', name: ['鹭岛金融云', 'Egret Isle FinCloud'], initials: 'EF', hall: 'shapowei', industry: 'fintech', park: 'software_park', template: 'kiosk',
    colors: ['#7d6608', '#fdfefe'], motif: 'diamond', title: ['跨境支付与供应链金融', 'Cross-border payments and supply-chain finance'],
    description: ['服务两岸与东南亚贸易的跨境支付和供应链金融。', 'Payments and supply-chain finance for cross-strait and Southeast Asian trade.'],
    products: [
      p(['跨境收款', 'Cross-border collection'], ['T+0 到账。', 'Same-day settlement.'], 'card'),
      p(['票据链', 'Bill chain'], ['应收账款数字化流转。', 'Receivables as digital notes.'], 'cloud'),
    ],
  },
  {
    key: 'wangchuan', name: ['王船智造', 'Wangchuan Smart Manufacturing'], initials: 'WS', hall: 'shapowei', industry: 'smart_manufacturing', park: 'tongan', template: 'pavilion',
    colors: ['#922b21', '#f8c471'], motif: 'wave', title: ['数字工厂与工业互联网', 'Digital factories and industrial IoT'],
    description: ['为制造企业建设数字孪生工厂与工业互联网平台。', 'Digital-twin factories and industrial IoT platforms for manufacturers.'],
    products: [
      p(['数字孪生工厂', 'Digital-twin factory'], ['产线实时三维映射。', 'Live 3D mirror of the line.'], 'cloud'),
      p(['边缘网关', 'Edge gateway'], ['协议全兼容。', 'Speaks every fieldbus.'], 'chip'),
    ],
  },
  {
    key: 'west-zone', name: ['西区艺术科技', 'West Zone ArtTech'], initials: 'WZ', hall: 'shapowei', industry: 'digital_content', park: 'software_park', template: 'island',
    colors: ['#4a235a', '#48c9b0'], motif: 'circle', title: ['艺术 × 科技 沉浸展', 'Art × tech immersive shows'],
    description: ['沙坡尾艺术西区的新媒体艺术团队，做沉浸式光影展。', 'A new-media art team from Shapowei Art West Zone making immersive light shows.'],
    products: [
      p(['沉浸式光影展', 'Immersive light show'], ['巡展 12 座城市。', 'Toured 12 cities.'], 'camera'),
      p(['生成艺术引擎', 'Generative art engine'], ['实时响应观众。', 'Reacts to the audience live.'], 'phone'),
    ],
  },
  {
    key: 'xiagang-data', name: ['厦港航运数据', 'Xiagang Shipping Data'], initials: 'XS', hall: 'shapowei', industry: 'logistics', park: 'ftz', template: 'kiosk',
    colors: ['#154360', '#f0b27a'], motif: 'wave', title: ['航运大数据', 'Shipping data'],
    description: ['集装箱追踪与航线预测，服务厦门港与海丝航线。', 'Container tracking and route forecasts for the Port of Xiamen and Maritime Silk Road lines.'],
    products: [
      p(['集装箱追踪', 'Container tracking'], ['全程可视。', 'End-to-end visibility.'], 'ship'),
      p(['运价指数', 'Freight index'], ['每日更新。', 'Updated daily.'], 'card'),
    ],
  },
  {
    key: 'blue-sea-storage', name: ['蓝海储能', 'Blue Sea Energy Storage'], initials: 'BS', hall: 'shapowei', industry: 'new_energy', park: 'torch', template: 'pavilion',
    colors: ['#1b4f72', '#52be80'], motif: 'hex', title: ['工商业储能系统', 'Commercial energy storage'],
    description: ['磷酸铁锂储能柜与能量管理系统。', 'LFP storage cabinets and energy management.'],
    products: [
      p(['215 kWh 储能柜', '215 kWh storage cabinet'], ['液冷，循环 8000 次。', 'Liquid-cooled, 8000 cycles.'], 'battery', 'battery'),
      p(['能量管理系统', 'Energy management'], ['峰谷套利自动化。', 'Automated peak shaving.'], 'cloud'),
    ],
  },
  {
    key: 'jimei-health', name: ['集美精准医疗', 'Jimei Precision Health'], initials: 'JH', hall: 'shapowei', industry: 'biomed', park: 'haicang_biomed', template: 'kiosk',
    colors: ['#0b5345', '#f5cba7'], motif: 'circle', title: ['AI 辅助影像诊断', 'AI-assisted imaging'],
    description: ['医学影像 AI 与远程会诊平台。', 'Medical imaging AI and remote consultation.'],
    products: [
      p(['影像 AI', 'Imaging AI'], ['肺结节检出率 97%。', '97% lung nodule detection.'], 'camera'),
      p(['远程会诊', 'Remote consultation'], ['连接 60 家基层医院。', 'Links 60 community hospitals.'], 'phone'),
    ],
  },
  {
    key: 'hongshan-vision', name: ['鸿山视觉', 'Hongshan Vision AI'], initials: 'HV', hall: 'shapowei', industry: 'ai', park: 'software_park', template: 'island',
    colors: ['#283747', '#f4d03f'], motif: 'diamond', title: ['城市视觉智能', 'Vision AI for the city'],
    description: ['交通、港口与城市治理的视觉智能。', 'Vision AI for traffic, ports and city management.'],
    products: [
      p(['路口感知', 'Junction sensing'], ['全息路口，秒级响应。', 'Holographic junctions, second-level response.'], 'camera'),
      p(['视觉大模型', 'Vision foundation model'], ['私有化部署。', 'Deployed on premises.'], 'cloud'),
    ],
  },
];
